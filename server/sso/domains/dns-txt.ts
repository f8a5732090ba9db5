import "server-only";
import { Resolver } from "node:dns/promises";

/** What DNS said about a name's TXT records: their values, that there are none, or nothing certain. */
export type TxtAnswer =
  | { kind: "found"; values: string[] }
  /** NXDOMAIN or NODATA: the name, or its TXT records, do not exist. */
  | { kind: "absent" }
  /** Timeout, SERVFAIL, refused: DNS could not say, which proves nothing either way. */
  | { kind: "unreachable"; reason: string };

export type TxtLookup = (name: string) => Promise<TxtAnswer>;

const DNS_TIMEOUT_MS = 5_000;
const ABSENT_CODES = new Set(["ENOTFOUND", "ENODATA"]);

/** DNS_SERVERS: comma-separated `host[:port]` (IP addresses); unset means the system's resolvers. */
function configuredServers(): string[] {
  return (process.env.DNS_SERVERS ?? "")
    .split(",")
    .map((server) => server.trim())
    .filter(Boolean);
}

/** Looks up TXT records with the resolvers of DNS_SERVERS, one try within the timeout. */
export function dnsTxtLookup(timeoutMs = DNS_TIMEOUT_MS): TxtLookup {
  return async (name) => {
    const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
    const servers = configuredServers();
    if (servers.length) resolver.setServers(servers);
    try {
      // A TXT record may be split into several strings; together they are one value.
      const records = await resolver.resolveTxt(name);
      return { kind: "found", values: records.map((chunks) => chunks.join("")) };
    } catch (error) {
      const code = (error as { code?: string }).code ?? "UNKNOWN";
      return ABSENT_CODES.has(code) ? { kind: "absent" } : { kind: "unreachable", reason: code };
    }
  };
}
