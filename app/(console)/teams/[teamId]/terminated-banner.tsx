import Link from "next/link";
import { formatDate } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";

/** On every page of a terminated team: the days left before its content is deleted. */
export async function TerminatedBanner({ teamId, canRenew }: { teamId: string; canRenew: boolean }) {
  const retention = await load(async () => (await serverApi()).subscription.retention({ teamId }));
  if (!retention) return null;
  const days = retention.daysLeft === 1 ? "1 day" : `${retention.daysLeft} days`;
  return (
    <section
      aria-label="Subscription ended"
      className="mb-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">The subscription has ended: {days} left before this team's data is deleted.</p>
      <p className="mt-1">
        Hosts are stopped. Custom apps and data can still be downloaded until {formatDate(retention.purgeAt)}; then
        everything is deleted for good.{" "}
        {canRenew ? (
          <Link href={`/teams/${teamId}/subscription`} className="font-medium underline">
            Renew the subscription to keep the team
          </Link>
        ) : (
          "Ask the team's owner to renew the subscription to keep it."
        )}
      </p>
    </section>
  );
}
