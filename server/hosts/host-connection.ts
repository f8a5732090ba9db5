import "server-only";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { guardedLookup } from "../outbound/guarded-lookup";
import { checkOutboundUrl } from "../outbound/outbound-url";
import { createFileMakerAdminDriver } from "./filemaker-admin/filemaker-admin-driver";
import type { HostDriver } from "./filemaker-admin/host-driver";
import { HostUnreachable } from "./filemaker-admin/host-errors";

export interface HostConnection {
  adminApiUrl: string;
  adminUser: string;
  /** As stored: encrypted with the key ring. */
  adminPasswordEncrypted: string;
  caCertificate: string | null;
}

/** How long one exchange with a host may take before the host counts as unreachable. */
export const HOST_TIMEOUT_MS = 8_000;

/**
 * A driver for a host's Admin API. The address goes through the outbound rule first (public
 * https, or loopback in a demo), and again at connect time, so a stored URL cannot be turned
 * into a probe of the console's own network.
 */
export async function driverForHost(connection: HostConnection, timeoutMs = HOST_TIMEOUT_MS): Promise<HostDriver> {
  const checked = await checkOutboundUrl(connection.adminApiUrl);
  if (!checked.ok) throw new HostUnreachable(OUTBOUND_PROBLEMS[checked.problem]);
  return createFileMakerAdminDriver({
    baseUrl: checked.url.toString(),
    adminUser: connection.adminUser,
    adminPassword: decrypt(keyRing(), connection.adminPasswordEncrypted),
    ca: connection.caCertificate ?? undefined,
    timeoutMs,
    lookup: guardedLookup,
  });
}

/** Runs `work` with a driver and gives its access token back whatever happens. */
export async function withHostDriver<T>(connection: HostConnection, work: (driver: HostDriver) => Promise<T>) {
  const driver = await driverForHost(connection);
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
