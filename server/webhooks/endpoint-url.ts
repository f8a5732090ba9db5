import "server-only";
import { DomainError } from "../errors";
import { checkOutboundUrl } from "../outbound/outbound-url";
import { ENDPOINT_URL_MAX } from "./webhook-rules";

const REFUSALS = {
  not_a_url: "webhookUrlNotAUrl",
  not_https: "webhookUrlNotHttps",
  private_address: "webhookUrlPrivate",
  unresolvable: "webhookUrlUnresolvable",
} as const;

/**
 * An endpoint URL the console may POST to, normalised: public https (plain http only on
 * loopback in a demo, or to a host the operator allowed with OUTBOUND_ALLOWED_HOSTS), never
 * an address in a private, loopback or link-local network. Checked again at every send.
 */
export async function checkedEndpointUrl(text: string): Promise<string> {
  const url = text.trim();
  if (url.length > ENDPOINT_URL_MAX)
    throw new DomainError("INVALID_INPUT", "webhookUrlTooLong", { max: ENDPOINT_URL_MAX });
  const verdict = await checkOutboundUrl(url);
  if (!verdict.ok) throw new DomainError("INVALID_INPUT", REFUSALS[verdict.problem], { url });
  return verdict.url.toString();
}
