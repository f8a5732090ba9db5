"use client";

import { useTranslations } from "next-intl";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { removeFromGroupAction } from "../actions";

export function RemoveFromGroupButton({
  teamId,
  groupId,
  membershipId,
  email,
}: {
  teamId: string;
  groupId: string;
  membershipId: string;
  email: string;
}) {
  const t = useTranslations("groups.group");
  const [state, action, pending] = useFormAction(removeFromGroupAction);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="membershipIds" value={membershipId} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("removeMember", { email })}
        className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {t("remove")}
      </button>
    </form>
  );
}
