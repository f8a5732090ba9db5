import "server-only";
import { privateAddressAllowed } from "../outbound/outbound-url";

export interface AlertWebhookSettings {
  url: string;
  /** Standard Webhooks form: whsec_ and base64 bytes; signs every alert like a team's webhook secret. */
  secret: string;
}

const SECRET_FORM = /^whsec_([A-Za-z0-9+/]+={0,2})$/;
const SECRET_HINT = 'e.g. "whsec_$(openssl rand -base64 32)"';

/**
 * The operator's alert receiver, from ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET: both or neither.
 * Checked at start and again by the sender; throws a message that says what to fix.
 */
export function alertWebhookSettings(): AlertWebhookSettings | null {
  const url = process.env.ALERT_WEBHOOK_URL?.trim() ?? "";
  const secret = process.env.ALERT_WEBHOOK_SECRET?.trim() ?? "";
  if (!url && !secret) return null;
  if (!url) throw new Error("ALERT_WEBHOOK_SECRET is set but ALERT_WEBHOOK_URL is not; set both, or neither.");
  if (!secret) {
    throw new Error(
      `ALERT_WEBHOOK_URL is set but ALERT_WEBHOOK_SECRET is not; set the secret that signs each alert, ${SECRET_HINT}.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("ALERT_WEBHOOK_URL is not a URL; give the https address of the receiver of security alerts.");
  }
  const plainAllowed = parsed.protocol === "http:" && privateAddressAllowed(parsed.hostname);
  if (parsed.protocol !== "https:" && !plainAllowed) {
    throw new Error(
      "ALERT_WEBHOOK_URL must start with https:// (plain http only for a host in OUTBOUND_ALLOWED_HOSTS, or loopback in a demo).",
    );
  }
  const bytes = SECRET_FORM.exec(secret)?.[1];
  const length = bytes ? Buffer.from(bytes, "base64").length : 0;
  if (length < 24 || length > 64) {
    throw new Error(`ALERT_WEBHOOK_SECRET must be "whsec_" followed by 24 to 64 base64-encoded bytes, ${SECRET_HINT}.`);
  }
  return { url: parsed.toString(), secret };
}
