import { DomainError } from "../../errors";
import type { ServerConnectionFailure } from "./test-server-connection";

const REFUSALS = {
  unreachable: { code: "UNREACHABLE", key: "serverUnreachable" },
  certificate: { code: "NOT_PROVEN", key: "serverCertificateNotTrusted" },
  credentials: { code: "NOT_PROVEN", key: "serverRefusedAdminAccount" },
  notAdminApi: { code: "NOT_PROVEN", key: "serverIsNotAnAdminApi" },
  addressNotAllowed: { code: "INVALID_INPUT", key: "serverAddressNotAllowed" },
  refused: { code: "NOT_PROVEN", key: "serverRefusedConnection" },
} as const;

/** The refusal that tells a manager what to fix when a server could not be connected. */
export function connectionRefusal(
  failure: { failure: ServerConnectionFailure; detail: string },
  details: { adminApiUrl: string; adminUser: string },
): DomainError {
  const { code, key } = REFUSALS[failure.failure];
  return new DomainError(code, key, { url: details.adminApiUrl, adminUser: details.adminUser, detail: failure.detail });
}
