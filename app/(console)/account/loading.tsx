import { PageSkeleton } from "@/components/page-skeleton";

export default function AccountLoading() {
  return <PageSkeleton label="Loading your account" rows={3} />;
}
