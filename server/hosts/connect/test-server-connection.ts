import "server-only";
import {
  HostAddressRefused,
  HostApiError,
  HostAuthFailed,
  HostDriverError,
  HostTlsError,
  HostUnreachable,
  NotAnAdminApi,
} from "../filemaker-admin/host-errors";
import { type ServerConnectionDetails, withServerDriver } from "../host-connection";

/** Why a server could not be connected, each with its own advice to the manager. */
export type ServerConnectionFailure =
  | "unreachable"
  | "certificate"
  | "credentials"
  | "notAdminApi"
  | "addressNotAllowed"
  | "refused";

export type ServerConnectionTest =
  | { ok: true; version: string; running: boolean }
  | { ok: false; failure: ServerConnectionFailure; detail: string };

/** Signs in to a server's Admin API with the details given and reads its version; nothing is kept. */
export async function testServerConnection(details: ServerConnectionDetails): Promise<ServerConnectionTest> {
  try {
    return await withServerDriver(details, async (driver) => {
      const [version, running] = await Promise.all([driver.serverVersion(), driver.isRunning()]);
      return { ok: true as const, version, running };
    });
  } catch (error) {
    if (!(error instanceof HostDriverError)) throw error;
    return { ok: false, failure: failureOf(error), detail: error.message };
  }
}

function failureOf(error: HostDriverError): ServerConnectionFailure {
  if (error instanceof HostAddressRefused) return "addressNotAllowed";
  if (error instanceof HostTlsError) return "certificate";
  if (error instanceof HostAuthFailed) return "credentials";
  if (error instanceof NotAnAdminApi) return "notAdminApi";
  if (error instanceof HostUnreachable) return "unreachable";
  return error instanceof HostApiError ? "refused" : "unreachable";
}
