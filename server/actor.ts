import type { Locale } from "@/lib/i18n/locales";
import type { Permission } from "./permissions";

/** Who is acting. Domain functions receive it; they never read cookies or headers. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "account";
      accountId: string;
      email: string;
      /** null when the account acts outside a sign-in session (demo seed, command line). */
      sessionId: string | null;
      mfaVerified: boolean;
      /** Signed in through this team's identity provider: its two-step verification counts there only. */
      providerTeamId?: string | null;
    }
  | {
      kind: "support";
      staffId: string;
      accountId: string;
      email: string;
      teamId: string;
      supportSessionId: string;
    }
  | { kind: "system"; label: string }
  | {
      /** A call of the REST Admin API made with a team's API key. */
      kind: "apiKey";
      apiKeyId: string;
      /** The secret's first characters, which name the key in lists and in the audit log. */
      prefix: string;
      teamId: string;
      scopes: readonly Permission[];
      /** The key acts with no more than its creator may do in the team, today. */
      createdByAccountId: string;
    }
  | {
      /** A team's identity provider provisioning users through SCIM. */
      kind: "scim";
      scimTokenId: string;
      prefix: string;
      teamId: string;
    };

/** The account a change is made on behalf of: the person, or the creator of the API key used. */
export function actingAccountId(actor: Actor): string | null {
  if (actor.kind === "account" || actor.kind === "support") return actor.accountId;
  if (actor.kind === "apiKey") return actor.createdByAccountId;
  return null;
}

/** How logs and the audit log name the actor. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case "account":
      return `account:${actor.accountId}`;
    case "support":
      return `staff:${actor.staffId}`;
    case "system":
      return `system:${actor.label}`;
    case "apiKey":
      return `api_key:${actor.prefix}`;
    case "scim":
      return `scim:${actor.prefix}`;
    case "anonymous":
      return "anonymous";
  }
}

export const anonymousActor: Actor = { kind: "anonymous" };

export function systemActor(label: string): Actor {
  return { kind: "system", label };
}

/** Where a request came from, carried into audit events and logs. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The language the request asks for (chosen on the sign-in page, else Accept-Language), when it names one of ours. */
  locale?: Locale;
}

export const noRequest: RequestMeta = { requestId: "none", ip: null, userAgent: null };
