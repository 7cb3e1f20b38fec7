import { PageSkeleton } from "@/components/page-skeleton";

export default function ApiDocsLoading() {
  return <PageSkeleton label="Loading the token API documentation" rows={6} />;
}
