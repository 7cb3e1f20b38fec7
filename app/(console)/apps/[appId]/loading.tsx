import { PageSkeleton } from "@/components/page-skeleton";

export default function AppLoading() {
  return <PageSkeleton label="Loading the app" rows={3} />;
}
