import { DAY_MS } from "@/lib/time";

/** The Audit log's filters as the URL holds them, shared by the page and the export. */
export interface AuditSearch {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: string;
}

/** What can be wrong with a search's dates, by its message in the `audit.filters.problems` catalog. */
export type AuditFilterProblem = "fromNotADate" | "toNotADate" | "fromAfterTo";

/** A yyyy-mm-dd from a date field, as the start of that day in UTC. */
function parseDay(value: string | undefined): Date | undefined | "invalid" {
  if (!value) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? "invalid" : date;
}

/** The procedure filter of a search, or what is wrong with its dates. */
export function readAuditFilter(search: AuditSearch) {
  const from = parseDay(search.from);
  const toDay = parseDay(search.to);
  const problems = [
    from === "invalid" ? "fromNotADate" : null,
    toDay === "invalid" ? "toNotADate" : null,
    from instanceof Date && toDay instanceof Date && from > toDay ? "fromAfterTo" : null,
  ].filter((p): p is AuditFilterProblem => p !== null);
  const filter = {
    actorLabel: search.actor || undefined,
    action: search.action || undefined,
    from: from instanceof Date ? from : undefined,
    // The To day is included: events before the start of the next day.
    to: toDay instanceof Date ? new Date(toDay.getTime() + DAY_MS) : undefined,
  };
  /** The filters in use, for links that keep them. */
  const query = Object.fromEntries(
    Object.entries({ actor: search.actor, action: search.action, from: search.from, to: search.to }).filter(
      ([, v]) => v,
    ),
  ) as Record<string, string>;
  return { problems, filter, query };
}
