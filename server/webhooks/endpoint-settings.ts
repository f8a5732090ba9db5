import { DomainError } from "../errors";
import { ALL_EVENT_TYPES, EVENT_TYPE_NAMES, isWebhookEventType } from "./event-types";
import { ENDPOINT_DESCRIPTION_MAX } from "./webhook-rules";

/** The chosen types in the catalogue's order, or ["*"] when every type is chosen. */
export function endpointEventTypes(chosen: readonly string[]): string[] {
  if (chosen.length === 0) throw new DomainError("INVALID_INPUT", "webhookNeedsEventType");
  if (chosen.includes(ALL_EVENT_TYPES)) return [ALL_EVENT_TYPES];
  for (const type of chosen) {
    if (!isWebhookEventType(type)) throw new DomainError("INVALID_INPUT", "webhookEventTypeUnknown", { type });
  }
  return EVENT_TYPE_NAMES.filter((type) => chosen.includes(type));
}

export function endpointDescription(text: string | undefined): string {
  const description = (text ?? "").trim();
  if (description.length > ENDPOINT_DESCRIPTION_MAX) {
    throw new DomainError("INVALID_INPUT", "webhookDescriptionTooLong", { max: ENDPOINT_DESCRIPTION_MAX });
  }
  return description;
}

/**
 * The URL as the audit log keeps it: without a query or credentials, which some receivers use
 * to carry a token; the log is permanent and a token must not outlive the endpoint there.
 */
export function urlForRecord(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search ? "?…" : ""}`;
}
