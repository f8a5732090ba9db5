"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import { updateSecuritySettingsAction } from "./actions";

export function SecuritySettingsForm(props: {
  teamId: string;
  mfaRequired: boolean;
  sessionIdleMinutes: number;
  allowedInviteDomains: string[];
}) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(updateSecuritySettingsAction, null);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="mfaRequired" defaultChecked={props.mfaRequired} className="mt-1 h-4 w-4" />
        <span>
          <span className="font-medium">Require two-step verification</span>
          <span className="block text-slate-600 dark:text-slate-400">
            Members without it are asked to turn it on before they can open this team.
          </span>
        </span>
      </label>
      <Field
        id="session-idle-minutes"
        name="sessionIdleMinutes"
        label="Sign out after inactivity (minutes)"
        type="number"
        min={5}
        max={120}
        defaultValue={props.sessionIdleMinutes}
        hint="Between 5 and 120. Applies at once, to sessions already open too."
      />
      <Field
        id="allowed-invite-domains"
        name="allowedInviteDomains"
        label="Allowed invitation domains"
        defaultValue={props.allowedInviteDomains.join(", ")}
        hint="Invitations may go only to addresses at these domains, e.g. acme.example, partner.example. Leave empty to allow any."
      />
      {state && !state.ok ? <FormError message={state.error} /> : null}
      {state?.ok ? <FormNotice>Settings saved.</FormNotice> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        Save settings
      </button>
    </form>
  );
}
