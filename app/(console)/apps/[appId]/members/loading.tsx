import { PageSkeleton } from "@/components/page-skeleton";

export default function MembersLoading() {
  return <PageSkeleton label="Loading members" rows={4} />;
}
