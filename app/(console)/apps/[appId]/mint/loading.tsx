import { PageSkeleton } from "@/components/page-skeleton";

export default function MintLoading() {
  return <PageSkeleton label="Loading the mint form" rows={5} />;
}
