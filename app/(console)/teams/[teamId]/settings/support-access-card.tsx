import { Card, EmptyState, secondaryButtonClass } from "@/app/_components/ui";
import { formatDateTime } from "@/app/_lib/format";
import { GrantSupportForm } from "./grant-support-form";
import { revokeSupportAccessAction } from "./support-access-actions";

interface Grant {
  id: string;
  note: string | null;
  endsAt: Date;
  createdAt: Date;
  grantedBy: string | null;
}

/** Consent for platform support to look at this team, read-only, for a while. */
export function SupportAccessCard({
  teamId,
  grants,
  canGrant,
}: {
  teamId: string;
  grants: Grant[];
  canGrant: boolean;
}) {
  return (
    <Card title="Support access">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Let platform support see this team as a manager does, read-only, to help with a problem. Everything they look at
        appears in the audit log, and you can revoke access at any time.
      </p>
      {grants.length === 0 ? (
        <EmptyState title="Support has no access now" />
      ) : (
        <ul aria-label="Active support access" className="mb-4 divide-y divide-slate-100 dark:divide-slate-800">
          {grants.map((grant) => (
            <li key={grant.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div>
                <p className="font-medium">Until {formatDateTime(grant.endsAt)}</p>
                <p className="text-slate-600 dark:text-slate-400">
                  Granted by {grant.grantedBy ?? "a former member"} on {formatDateTime(grant.createdAt)}
                  {grant.note ? ` · ${grant.note}` : ""}
                </p>
              </div>
              {canGrant ? (
                <form action={revokeSupportAccessAction}>
                  <input type="hidden" name="teamId" value={teamId} />
                  <input type="hidden" name="grantId" value={grant.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    Revoke
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canGrant ? (
        <div className="mt-4">
          <GrantSupportForm teamId={teamId} />
        </div>
      ) : null}
    </Card>
  );
}
