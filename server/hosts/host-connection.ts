import "server-only";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { guardedLookup } from "../outbound/guarded-lookup";
import { checkOutboundUrl } from "../outbound/outbound-url";
import { createFileMakerAdminDriver } from "./filemaker-admin/filemaker-admin-driver";
import type { HostDriver } from "./filemaker-admin/host-driver";
import { HostAddressRefused, HostUnreachable } from "./filemaker-admin/host-errors";

export interface HostConnection {
  adminApiUrl: string;
  adminUser: string;
  /** As stored: encrypted with the key ring. */
  adminPasswordEncrypted: string;
  caCertificate: string | null;
}

/** How long one exchange with a host may take before the host counts as unreachable. */
export const HOST_TIMEOUT_MS = 8_000;

/** How a host is reached before its password is stored: the password as the manager typed it. */
export interface ServerConnectionDetails {
  adminApiUrl: string;
  adminUser: string;
  adminPassword: string;
  caCertificate?: string | null;
}

/**
 * A driver for a server's Admin API. The address goes through the outbound rule first (public
 * https, or loopback in a demo), and again at connect time, so a URL cannot be turned into a
 * probe of the console's own network.
 */
export async function driverForServer(
  details: ServerConnectionDetails,
  timeoutMs = HOST_TIMEOUT_MS,
): Promise<HostDriver> {
  const checked = await checkOutboundUrl(details.adminApiUrl);
  if (!checked.ok) {
    const reason = OUTBOUND_PROBLEMS[checked.problem];
    throw checked.problem === "unresolvable" ? new HostUnreachable(reason) : new HostAddressRefused(reason);
  }
  return createFileMakerAdminDriver({
    baseUrl: checked.url.toString(),
    adminUser: details.adminUser,
    adminPassword: details.adminPassword,
    ca: details.caCertificate ?? undefined,
    timeoutMs,
    lookup: guardedLookup,
  });
}

/** A driver for a stored host: its password is decrypted only to sign in. */
export function driverForHost(connection: HostConnection, timeoutMs = HOST_TIMEOUT_MS): Promise<HostDriver> {
  const { adminPasswordEncrypted, ...details } = connection;
  return driverForServer({ ...details, adminPassword: decrypt(keyRing(), adminPasswordEncrypted) }, timeoutMs);
}

/** Runs `work` with a driver and gives its access token back whatever happens. */
export async function withHostDriver<T>(connection: HostConnection, work: (driver: HostDriver) => Promise<T>) {
  return withDriver(await driverForHost(connection), work);
}

/** Runs `work` with a server not yet stored, and gives its access token back whatever happens. */
export async function withServerDriver<T>(details: ServerConnectionDetails, work: (driver: HostDriver) => Promise<T>) {
  return withDriver(await driverForServer(details), work);
}

async function withDriver<T>(driver: HostDriver, work: (driver: HostDriver) => Promise<T>) {
  try {
    return await work(driver);
  } finally {
    await driver.close().catch(() => {});
  }
}

const OUTBOUND_PROBLEMS = {
  not_a_url: "the Admin API address is not a URL",
  not_https: "the Admin API address must start with https://",
  private_address: "the Admin API address leads to a private network address",
  unresolvable: "the Admin API host name does not resolve",
} as const;
