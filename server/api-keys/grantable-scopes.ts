import type { Locale } from "@/lib/i18n/locales";
import { refusal, refusalIn } from "../i18n/refusal-format";
import { apiKeyScopes, type Permission, type TeamProduct, type TeamRole } from "../permissions";
import { PERMISSION_ACTIONS } from "../teams/permission-actions";

export interface GrantableScope {
  scope: Permission;
  /** What the scope lets a key do ("see the team's users"), in the reader's language. */
  label: string;
}

/** The scopes a person may give a new key in a team, each with what it allows. */
export function grantableScopes(
  holder: { roles: readonly TeamRole[]; product: TeamProduct },
  locale: Locale,
): GrantableScope[] {
  return apiKeyScopes(holder.roles, holder.product).map((scope) => ({
    scope,
    label: refusalIn(refusal(PERMISSION_ACTIONS[scope]), locale),
  }));
}
