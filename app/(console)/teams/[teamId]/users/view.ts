import type { MemberSort } from "@/server/members/member-order";
import { MEMBER_SORTS } from "@/server/members/member-order";

export type SearchParams = Record<string, string | string[] | undefined>;

/** A view of the Users table as the URL holds it: filters, sort and the page cursor. */
export interface MemberView {
  q?: string;
  role?: "owner" | "manager" | "member";
  licence?: "yes" | "no";
  status?: "active" | "deactivated";
  type?: "managed" | "external";
  /** An identity provider's id: the users who joined through it. */
  provider?: string;
  sort: MemberSort;
  dir: "asc" | "desc";
  after?: string;
  before?: string;
}

/** The Users table's filters, each with the values it can take. */
export const FILTERS = {
  role: ["owner", "manager", "member"],
  licence: ["yes", "no"],
  status: ["active", "deactivated"],
  type: ["managed", "external"],
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;

export function readView(params: SearchParams): MemberView {
  return {
    q: one(params.q)?.slice(0, 200),
    role: pick(one(params.role), FILTERS.role),
    licence: pick(one(params.licence), FILTERS.licence),
    status: pick(one(params.status), FILTERS.status),
    type: pick(one(params.type), FILTERS.type),
    provider: UUID.test(one(params.provider) ?? "") ? one(params.provider) : undefined,
    sort: pick(one(params.sort), MEMBER_SORTS) ?? "name",
    dir: one(params.dir) === "desc" ? "desc" : "asc",
    after: one(params.after),
    before: one(params.before),
  };
}

/** The procedure input for a view (without paging). */
export function viewFilters(view: MemberView) {
  return {
    search: view.q,
    role: view.role,
    licensed: view.licence === undefined ? undefined : view.licence === "yes",
    status: view.status,
    type: view.type,
    identityProviderId: view.provider,
    sort: view.sort,
    direction: view.dir,
  };
}

/** The query string of a view with some parts changed; paging is dropped unless given. */
export function viewQuery(view: MemberView, change: Partial<MemberView> = {}): string {
  const next: MemberView = { ...view, after: undefined, before: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "name") continue;
    if (key === "dir" && value === "asc") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}
