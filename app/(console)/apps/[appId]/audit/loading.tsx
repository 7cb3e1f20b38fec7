import { PageSkeleton } from "@/components/page-skeleton";

export default function AuditLoading() {
  return <PageSkeleton label="Loading the audit log" rows={6} />;
}
