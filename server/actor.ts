import type { Locale } from "@/lib/i18n/locales";

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
  | { kind: "system"; label: string };

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
