import { PageSkeleton } from "@/components/page-skeleton";

export default function KeysLoading() {
  return <PageSkeleton label="Loading keys" rows={4} />;
}
