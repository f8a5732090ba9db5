/**
 * A request's path as logs and metrics name it: the query string never, and every segment that
 * could identify someone or hold a secret (ids, uuids, tokens, emails) replaced by a placeholder,
 * so labels stay few and nothing secret lands in one.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
/** Base64url or hex with a digit in it, or just long: random, not a word of a route. */
const OPAQUE = /^(?=.*\d)[A-Za-z0-9_~.+=-]{16,}$|^.{33,}$/;
/** Pages whose next segment is a secret link's token, whatever it looks like. */
const TOKEN_PAGES = new Set(["confirm-email", "invitations", "reset-password"]);
const MAX_SEGMENTS = 8;
const PROCEDURE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;
const MAX_PROCEDURES = 20;
export const TRPC_PREFIX = "/api/trpc/";

function placeholderFor(segment: string, previous: string | undefined): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    return ":token";
  }
  if (previous !== undefined && TOKEN_PAGES.has(previous)) return ":token";
  if (text.includes("@")) return ":email";
  if (UUID.test(text)) return ":id";
  if (NUMBER.test(text)) return ":n";
  if (OPAQUE.test(text)) return ":token";
  return text;
}

/** "/teams/0b6f…/users?q=x" → "/teams/:id/users"; "/reset-password/abc…" → "/reset-password/:token". */
export function normalisePath(url: string): string {
  const pathname = url.split(/[?#]/, 1)[0] ?? "";
  if (pathname.startsWith("/_next/static/")) return "/_next/static/*";
  const segments = pathname.split("/").filter(Boolean);
  const named = segments.slice(0, MAX_SEGMENTS).map((segment, index) => placeholderFor(segment, segments[index - 1]));
  return `/${named.join("/")}${segments.length > MAX_SEGMENTS ? "/…" : ""}`;
}

/**
 * The procedures a tRPC request names ("/api/trpc/teams.list,auth.session"), for its log line;
 * a name that is not a procedure's shape is written as ":unknown".
 */
export function trpcProcedures(url: string): string[] | null {
  const pathname = url.split(/[?#]/, 1)[0] ?? "";
  if (!pathname.startsWith(TRPC_PREFIX)) return null;
  let names: string[];
  try {
    names = decodeURIComponent(pathname.slice(TRPC_PREFIX.length)).split(",");
  } catch {
    return [":unknown"];
  }
  const shown = names.slice(0, MAX_PROCEDURES).map((name) => (PROCEDURE.test(name) ? name : ":unknown"));
  return names.length > MAX_PROCEDURES ? [...shown, "…"] : shown;
}
