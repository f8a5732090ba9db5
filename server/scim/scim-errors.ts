import { DomainError, type DomainErrorCode } from "../errors";

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_CONTENT_TYPE = "application/scim+json";

/** The scimType values of RFC 7644 §3.12 this server gives. */
export type ScimType =
  | "invalidFilter"
  | "invalidValue"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "noTarget"
  | "tooMany"
  | "invalidPath";

/** A refusal in SCIM's own terms: an HTTP status, a scimType where the RFC defines one, and a detail to act on. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

/** How each kind of domain refusal reads to an identity provider. */
const STATUS_OF: Record<DomainErrorCode, { status: number; scimType?: ScimType }> = {
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 403 },
  READ_ONLY: { status: 403 },
  MFA_REQUIRED: { status: 403 },
  NOT_FOUND: { status: 404 },
  NOT_AVAILABLE_FOR_PRODUCT: { status: 403 },
  INVALID_INPUT: { status: 400, scimType: "invalidValue" },
  CONFLICT: { status: 409, scimType: "uniqueness" },
  SEAT_LIMIT: { status: 403 },
  IN_USE: { status: 403 },
  SUBSCRIPTION_STATE: { status: 403 },
  RATE_LIMITED: { status: 429 },
  SSO_NOT_READY: { status: 403 },
  NOT_PROVEN: { status: 403 },
  UNREACHABLE: { status: 503 },
};

/** The SCIM form of a domain refusal; its English message is the detail, since identity providers log it as is. */
export function scimErrorOfDomain(error: DomainError): ScimError {
  const { status, scimType } = STATUS_OF[error.code];
  return new ScimError(status, error.message, scimType);
}

/** The error response of RFC 7644 §3.12: status as a string, scimType only where defined. */
export function scimErrorResponse(error: ScimError, headers: Record<string, string>): Response {
  return Response.json(
    {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(error.status),
      ...(error.scimType ? { scimType: error.scimType } : {}),
      detail: error.message,
    },
    { status: error.status, headers: { ...headers, ...error.headers, "content-type": SCIM_CONTENT_TYPE } },
  );
}

export function asScimError(error: unknown): ScimError | null {
  if (error instanceof ScimError) return error;
  if (error instanceof DomainError) return scimErrorOfDomain(error);
  return null;
}
