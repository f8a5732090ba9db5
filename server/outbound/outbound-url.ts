import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { isDemo } from "../config/env";

/**
 * Addresses an outbound URL (identity provider, FileMaker Admin API) may not reach: the console
 * must not become a way for a manager to probe the network it runs in. A demo (and the journeys)
 * run their peers on loopback, so there loopback is allowed; an operator can allow more with
 * OUTBOUND_ALLOWED_HOSTS (a FileMaker Server on the company network, say).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type OutboundUrlProblem = "not_a_url" | "not_https" | "private_address" | "unresolvable";

function allowedHosts(): Set<string> {
  return new Set(
    (process.env.OUTBOUND_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function isPrivateAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 address inside it.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  if (/^::ffff:/i.test(address)) return true;
  return PRIVATE.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Whether a host may be reached on a private address: loopback in a demo, or a host the operator named. */
export function privateAddressAllowed(host: string): boolean {
  const name = host.toLowerCase();
  return allowedHosts().has(name) || (isDemo() && LOOPBACK_NAMES.has(name));
}

/** Whether the console may fetch this provider URL; resolves the host to see where it leads. */
export async function checkOutboundUrl(
  text: string,
): Promise<{ ok: true; url: URL } | { ok: false; problem: OutboundUrlProblem }> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "not_a_url" };
  }
  const host = url.hostname.toLowerCase();
  const loopbackAllowed = isDemo() && LOOPBACK_NAMES.has(host);
  if (allowedHosts().has(host) || loopbackAllowed) {
    return url.protocol === "https:" || url.protocol === "http:"
      ? { ok: true, url }
      : { ok: false, problem: "not_https" };
  }
  if (url.protocol !== "https:") return { ok: false, problem: "not_https" };
  const bare = host.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((entry) => entry.address);
  } catch {
    return { ok: false, problem: "unresolvable" };
  }
  return addresses.some(isPrivateAddress) ? { ok: false, problem: "private_address" } : { ok: true, url };
}
