import { PageSkeleton } from "@/components/page-skeleton";

export default function InvitationLoading() {
  return <PageSkeleton label="Loading the invitation" rows={2} />;
}
