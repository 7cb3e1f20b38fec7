import { PageSkeleton } from "@/components/page-skeleton";

export default function DemoLoading() {
  return <PageSkeleton label="Loading the demo endpoint settings" rows={4} />;
}
