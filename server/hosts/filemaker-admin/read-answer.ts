import "server-only";
import type { z } from "zod";
import { envelopeSchema } from "./admin-api-schemas";
import { HostApiError, NotAnAdminApi } from "./host-errors";
import type { TransportAnswer } from "./transport";

/** Turns a host's answer into the call's result, or into the refusal or mismatch it is. */
export function readAnswer<T>(answer: TransportAnswer, schema: z.ZodType<T>, what: string): T {
  const envelope = envelopeSchema.safeParse(parseJson(answer.text));
  if (!answer.contentType.includes("json") || !envelope.success) {
    throw new NotAnAdminApi(
      `${what} got HTTP ${answer.status} ${answer.contentType.slice(0, 100) || "without a content type"}`,
    );
  }
  const [message] = envelope.data.messages;
  if (answer.status >= 400 || message!.code !== "0") {
    throw new HostApiError(answer.status, message!.code.slice(0, 20), message!.text);
  }
  const result = schema.safeParse(envelope.data.response);
  if (!result.success) throw new NotAnAdminApi(`${what} answered in an unexpected shape`);
  return result.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
