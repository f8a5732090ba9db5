import net from "node:net";

/**
 * Set by the console's own HTTP server from the socket (see server/http/console-server.ts),
 * after removing any copy the client sent: the address of the hop that connected to us.
 */
export const PEER_ADDRESS_HEADER = "x-console-peer-address";
/** Headers with this prefix are the server's own; a client's copies are dropped on arrival. */
export const INTERNAL_HEADER_PREFIX = "x-console-";
/** The request id proxy.ts settled on for this request, for the code that handles it. */
export const REQUEST_ID_HEADER = "x-console-request-id";

export interface TrustedProxies {
  /** The list as written in TRUSTED_PROXIES, to cache the parsed form by. */
  source: string;
  list: net.BlockList;
}

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, IPv4 or IPv6, separated by commas or spaces
 * ("10.0.0.0/8, fd00::/8, 192.0.2.7"). Only a hop from one of these may tell us, in
 * X-Forwarded-For and X-Request-Id, who the client is and which request this is.
 */
export function parseTrustedProxies(source: string): TrustedProxies {
  const list = new net.BlockList();
  for (const entry of source.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = net.isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    if (!family || rest.length > 0 || (prefix !== undefined && !isPrefix(prefix, maxPrefix))) {
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is neither an IP address nor a CIDR range. ` +
          `Write addresses or ranges like 10.0.0.0/8, 192.0.2.7 or fd00::/8, separated by commas.`,
      );
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { source, list };
}

function isPrefix(text: string, max: number): boolean {
  return /^\d{1,3}$/.test(text) && Number(text) <= max;
}

let cached: TrustedProxies | undefined;

/** The proxies of the environment's TRUSTED_PROXIES (none when unset). */
export function trustedProxies(): TrustedProxies {
  const source = process.env.TRUSTED_PROXIES ?? "";
  if (cached?.source !== source) cached = parseTrustedProxies(source);
  return cached;
}

/** "::ffff:192.0.2.1" (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function normalise(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const plain = mapped ? mapped[1]! : trimmed;
  return net.isIP(plain) ? plain : null;
}

function isTrusted(address: string, proxies: TrustedProxies): boolean {
  return proxies.list.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** True when the hop that connected to us is a listed proxy, whose headers we may believe. */
export function isFromTrustedProxy(peer: string | null, proxies: TrustedProxies): boolean {
  const address = peer ? normalise(peer) : null;
  return address !== null && isTrusted(address, proxies);
}

/**
 * The client's address: the socket's peer, unless that is a trusted proxy; then the right-most
 * hop of X-Forwarded-For that is not itself a trusted proxy (everything left of it may be
 * made up by the client). A hop that is not an address ends the walk at the last one we trust.
 */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | null,
  proxies: TrustedProxies,
): string | null {
  let client = peer ? normalise(peer) : null;
  if (client === null || !isTrusted(client, proxies)) return client;
  const hops = (forwardedFor ?? "").split(",").reverse();
  for (const hop of hops) {
    const address = normalise(hop);
    if (address === null) break;
    client = address;
    if (!isTrusted(address, proxies)) break;
  }
  return client;
}
