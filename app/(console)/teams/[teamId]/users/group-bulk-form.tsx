"use client";

import { useTranslations } from "next-intl";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { groupMembersAction } from "./actions";

export const BULK_FORM_ID = "group-members-form";
const REFUSAL_ID = `${BULK_FORM_ID}-refusal`;

/** Adds the users ticked in the table to a group, or takes them out of it. */
export function GroupBulkForm({ teamId, groups }: { teamId: string; groups: Array<{ id: string; name: string }> }) {
  const t = useTranslations("users.bulk");
  const [state, action, pending] = useFormAction(groupMembersAction);
  return (
    <form id={BULK_FORM_ID} action={action} className="mb-4 flex flex-wrap items-end gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <div>
        <label htmlFor="bulk-group" className="mb-1 block text-sm font-medium">
          {t("group")}
        </label>
        <select
          id="bulk-group"
          name="groupId"
          required
          className={inputClass}
          defaultValue=""
          aria-describedby={state.status === "refused" ? REFUSAL_ID : undefined}
        >
          <option value="">{t("choose")}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="intent" value="add" className={secondaryButtonClass} disabled={pending}>
        {t("add")}
      </button>
      <button type="submit" name="intent" value="remove" className={secondaryButtonClass} disabled={pending}>
        {t("remove")}
      </button>
      <div className="w-full">
        <FormStatus state={state} id={REFUSAL_ID} />
      </div>
    </form>
  );
}
