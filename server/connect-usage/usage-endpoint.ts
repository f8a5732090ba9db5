import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { spend } from "../auth/rate-limits";
import type { Clock } from "../clock";
import { bearerSecretOf } from "../crypto/bearer-secret";
import { BodyTooLarge, readTextWithin } from "../http/body-limit";
import { REQUEST_ID_HEADER } from "../http/client-address";
import { problem, problemResponse } from "../rest/problem";
import { ingestConnectUsage, UsageReportRefused, usageReportSchema } from "./ingest-usage";
import { authenticateConnectUsageToken } from "./usage-token";

const MAX_REPORT_BYTES = 64_000;
/** Reports one team's token may send a minute: the metering reports a few times an hour. */
export const USAGE_REPORT_BUDGET = { name: "connect-usage", limit: 60, windowMs: 60_000 };
const CHALLENGE = { "www-authenticate": 'Bearer realm="Claris Connect usage"' };

/** POST /api/connect/usage: Claris Connect's metering reports a team's daily flows and API requests. */
export async function handleUsageReport(db: Database, clock: Clock, request: Request): Promise<Response> {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
  const refuse = (status: number, code: string, detail: string, headers: HeadersInit = {}, field?: string) =>
    problemResponse(
      problem(status, code, detail, requestId, field ? [{ field, message: detail }] : undefined),
      headers,
    );

  const token = bearerSecretOf(request.headers.get("authorization"));
  if (!token) {
    return refuse(401, "UNAUTHENTICATED", "Send the team's usage token in an Authorization: Bearer header.", CHALLENGE);
  }
  const now = clock.now();
  const teamId = await authenticateConnectUsageToken(db, token, now);
  if (!teamId) {
    return refuse(
      401,
      "UNAUTHENTICATED",
      "This usage token is not known; ask the operator for the team's current token.",
      CHALLENGE,
    );
  }
  const spending = await spend(db, USAGE_REPORT_BUDGET, teamId, now);
  if (!spending.allowed) {
    const seconds = Math.max(1, Math.ceil((spending.retryAt.getTime() - now.getTime()) / 1000));
    return refuse(429, "RATE_LIMITED", `Too many usage reports for this team; try again in ${seconds} seconds.`, {
      "retry-after": String(seconds),
    });
  }
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "UNSUPPORTED_MEDIA_TYPE", "Send the report as application/json.");
  }
  let body: unknown;
  try {
    body = JSON.parse(await readTextWithin(request, MAX_REPORT_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, "BODY_TOO_LARGE", error.message);
    return refuse(400, "INVALID_JSON", "The report is not valid JSON.");
  }
  const report = usageReportSchema.safeParse(body);
  if (!report.success) {
    const errors = report.error.issues.map((issue) => ({
      field: issue.path.join(".") || "body",
      message: issue.message,
    }));
    return problemResponse(
      problem(400, "INVALID_INPUT", errors.map((e) => `${e.field}: ${e.message}`).join("; "), requestId, errors),
    );
  }
  try {
    return Response.json(await ingestConnectUsage(db, clock, teamId, report.data));
  } catch (error) {
    if (error instanceof UsageReportRefused) return refuse(400, "INVALID_INPUT", error.message, {}, error.field);
    throw error;
  }
}
