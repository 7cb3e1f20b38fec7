import { PageSkeleton } from "@/components/page-skeleton";

export default function InspectLoading() {
  return <PageSkeleton label="Loading the token inspector" rows={4} />;
}
