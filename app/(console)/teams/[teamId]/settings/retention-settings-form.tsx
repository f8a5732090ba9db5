"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import { updateRetentionSettingsAction } from "./actions";

export function RetentionSettingsForm(props: {
  teamId: string;
  departedUserRetentionDays: number;
  min: number;
  max: number;
}) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(updateRetentionSettingsAction, null);
  return (
    <form action={action} className="max-w-lg space-y-4">
      <input type="hidden" name="teamId" value={props.teamId} />
      <Field
        id="departed-user-retention-days"
        name="departedUserRetentionDays"
        label="Keep departed users' personal data (days)"
        type="number"
        min={props.min}
        max={props.max}
        defaultValue={props.departedUserRetentionDays}
        hint={`Between ${props.min} and ${props.max}. That many days after someone is removed or deactivated, their email and name are erased from this team's audit log, invitations and mail.`}
      />
      {state && !state.ok ? <FormError message={state.error} /> : null}
      {state?.ok ? <FormNotice>Retention saved.</FormNotice> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        Save retention
      </button>
    </form>
  );
}
