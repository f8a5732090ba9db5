"use client";

import { useActionState } from "react";
import { ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import { inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { type FormState, groupMembersAction } from "./actions";

export const BULK_FORM_ID = "group-members-form";

/** Adds the users ticked in the table to a group, or takes them out of it. */
export function GroupBulkForm({ teamId, groups }: { teamId: string; groups: Array<{ id: string; name: string }> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(groupMembersAction.bind(null, teamId), {});
  return (
    <form id={BULK_FORM_ID} action={action} className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="bulk-group" className="mb-1 block text-sm font-medium">
          Group for selected users
        </label>
        <select id="bulk-group" name="groupId" className={inputClass} defaultValue="">
          <option value="">Choose a group</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="intent" value="add" className={secondaryButtonClass} disabled={pending}>
        Add to group
      </button>
      <button type="submit" name="intent" value="remove" className={secondaryButtonClass} disabled={pending}>
        Remove from group
      </button>
      {state.result ? (
        <div className="w-full">
          {state.result.ok ? (
            <SuccessMessage>{state.result.value}</SuccessMessage>
          ) : (
            <ErrorMessage>{state.result.error}</ErrorMessage>
          )}
        </div>
      ) : null}
    </form>
  );
}
