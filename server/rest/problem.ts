import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { DomainError, type DomainErrorCode } from "../errors";
import { refusalIn } from "../i18n/refusal-format";
import { validationMessage } from "../i18n/refusal-message";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The REST status of each domain refusal: state conflicts are 409, not tRPC's 412. */
const STATUS_OF: Record<DomainErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  READ_ONLY: 403,
  MFA_REQUIRED: 403,
  NOT_FOUND: 404,
  NOT_AVAILABLE_FOR_PRODUCT: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  SEAT_LIMIT: 409,
  IN_USE: 409,
  SUBSCRIPTION_STATE: 409,
  RATE_LIMITED: 429,
  SSO_NOT_READY: 409,
  NOT_PROVEN: 409,
  UNREACHABLE: 503,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: Array<{ field: string; message: string }>;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  errors?: Problem["errors"],
): Problem {
  return {
    type: "about:blank",
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    requestId,
    ...(errors ? { errors } : {}),
  };
}

export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  const response = new Response(JSON.stringify(body), { status: body.status, headers });
  response.headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return response;
}

/** The problem a procedure's failure is for the caller, in the language the request asks for. */
export function problemOf(error: unknown, requestId: string, locale: Locale = DEFAULT_LOCALE): Problem {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof DomainError) {
    return problem(STATUS_OF[cause.code], cause.code, refusalIn(cause.refusal, locale), requestId);
  }
  if (cause instanceof ZodError) {
    const errors = cause.issues.map((issue) => ({
      field: issue.path.join(".") || "body",
      message: validationMessage(issue.message, locale),
    }));
    return problem(400, "INVALID_INPUT", errors.map((e) => `${e.field}: ${e.message}`).join("; "), requestId, errors);
  }
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    return problem(getHTTPStatusCodeFromError(error), error.code, error.message, requestId);
  }
  return problem(
    500,
    "INTERNAL",
    `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    requestId,
  );
}
