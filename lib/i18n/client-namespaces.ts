import type { Messages } from "./messages";

/**
 * The namespaces client components read. Only these travel to the browser with each page;
 * refusals, mail, CSV and validation texts are rendered on the server and stay there.
 */
export const CLIENT_NAMESPACES = [
  "accountTransfers",
  "audit",
  "auth",
  "common",
  "domains",
  "groups",
  "hosts",
  "identityProviders",
  "navigation",
  "pages",
  "profile",
  "scim",
  "settings",
  "subscription",
  "support",
  "team",
  "users",
  "webhooks",
] as const satisfies ReadonlyArray<keyof Messages>;

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}
