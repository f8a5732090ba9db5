"use client";

import { useTranslations } from "next-intl";
import { viewAsAction } from "@/app/support/actions";
import { ActionButton } from "./action-button";

/** Support only: see the console exactly as this member does (still read-only, and audited). */
export function ViewAsButton({ teamId, membershipId, name }: { teamId: string; membershipId: string; name: string }) {
  const t = useTranslations("support");
  return (
    <ActionButton
      action={viewAsAction.bind(null, teamId, membershipId)}
      label={t("viewAs", { name })}
      className="text-sm text-blue-700 underline dark:text-blue-400"
    />
  );
}

/** Support only: back from a member's view to the view of the whole team. */
export function BackToManagerViewButton({ teamId }: { teamId: string }) {
  const t = useTranslations("support");
  return (
    <ActionButton action={viewAsAction.bind(null, teamId, null)} label={t("backToManagerView")} className="underline" />
  );
}
