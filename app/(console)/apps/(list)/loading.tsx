import { PageSkeleton } from "@/components/page-skeleton";

// The apps list's skeleton lives in this route group instead of in apps/,
// because a loading.tsx there would also wrap the /apps/<appId> layout. The
// page would then start streaming before that layout checks membership, and
// a non-member would get the 404 page with HTTP status 200.
export default function AppsLoading() {
  return <PageSkeleton label="Loading your apps" rows={3} />;
}
