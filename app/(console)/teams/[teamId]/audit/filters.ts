/** The Audit log's filters as the URL holds them, shared by the page and the export. */
export interface AuditSearch {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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
    from === "invalid" ? "The From date is not a date: use the date picker or YYYY-MM-DD." : null,
    toDay === "invalid" ? "The To date is not a date: use the date picker or YYYY-MM-DD." : null,
    from instanceof Date && toDay instanceof Date && from > toDay
      ? "The From date must be on or before the To date."
      : null,
  ].filter((p): p is string => p !== null);
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
