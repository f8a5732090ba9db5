import { formatDateTime } from "@/app/_lib/format";
import { exitReadOnlyViewAction, viewAsAction } from "@/app/support/actions";

/** On every page of a support view: whose console this is, that it is read-only, and the way out. */
export function SupportBanner({
  teamId,
  teamName,
  endsAt,
  viewingAs,
}: {
  teamId: string;
  teamName: string;
  endsAt: Date;
  viewingAs: { name: string; email: string } | null;
}) {
  return (
    <div role="region" aria-label="Support view" className="bg-amber-400 text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm font-medium">
        <p>
          Viewing {teamName} as {viewingAs ? `${viewingAs.name} (${viewingAs.email})` : "support"} · read only · ends{" "}
          {formatDateTime(endsAt)}
        </p>
        <div className="flex items-center gap-3">
          {viewingAs ? (
            <form action={viewAsAction}>
              <input type="hidden" name="teamId" value={teamId} />
              <input type="hidden" name="membershipId" value="" />
              <button type="submit" className="underline">
                Back to manager view
              </button>
            </form>
          ) : null}
          <form action={exitReadOnlyViewAction}>
            <button type="submit" className="rounded-md bg-amber-950 px-3 py-1 text-amber-50 hover:bg-amber-900">
              Exit
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
