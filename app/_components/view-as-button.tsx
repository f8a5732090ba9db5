"use client";

import { useTranslations } from "next-intl";
import { viewAsAction } from "@/app/support/actions";
import { FormStatus, useFormAction } from "./form-status";

function ViewAsForm({
  teamId,
  membershipId,
  label,
  className,
}: {
  teamId: string;
  membershipId: string | null;
  label: string;
  className: string;
}) {
  const [state, action, pending] = useFormAction(viewAsAction.bind(null, teamId, membershipId));
  return (
    <form action={action} className="space-y-2">
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** Support only: see the console exactly as this member does (still read-only, and audited). */
export function ViewAsButton({ teamId, membershipId, name }: { teamId: string; membershipId: string; name: string }) {
  const t = useTranslations("support");
  return (
    <ViewAsForm
      teamId={teamId}
      membershipId={membershipId}
      label={t("viewAs", { name })}
      className="text-sm text-blue-700 underline dark:text-blue-400"
    />
  );
}

/** Support only: back from a member's view to the view of the whole team. */
export function BackToManagerViewButton({ teamId }: { teamId: string }) {
  const t = useTranslations("support");
  return <ViewAsForm teamId={teamId} membershipId={null} label={t("backToManagerView")} className="underline" />;
}
