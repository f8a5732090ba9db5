"use client";

import { useActionState, useState } from "react";
import { Dialog, ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { createGroupAction, deleteGroupAction, type GroupFormState, renameGroupAction } from "./actions";

function Result({ state }: { state: GroupFormState }) {
  if (!state.result) return null;
  return state.result.ok ? (
    <SuccessMessage>{state.result.value}</SuccessMessage>
  ) : (
    <ErrorMessage>{state.result.error}</ErrorMessage>
  );
}

function NameDialog({
  title,
  opener,
  openerClass,
  submit,
  initial,
  action,
}: {
  title: string;
  opener: string;
  openerClass: string;
  submit: string;
  initial?: string;
  action: (previous: GroupFormState, form: FormData) => Promise<GroupFormState>;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<GroupFormState, FormData>(action, {});
  return (
    <>
      <button type="button" className={openerClass} onClick={() => setOpen(true)}>
        {opener}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <form action={formAction} className="space-y-4">
          <div>
            <label htmlFor={`${title}-name`} className="mb-1 block text-sm font-medium">
              Group name
            </label>
            <input
              id={`${title}-name`}
              name="name"
              defaultValue={initial}
              required
              maxLength={100}
              className={inputClass}
            />
          </div>
          <Result state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              Close
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              {submit}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

const small =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";

export function CreateGroupDialog({ teamId }: { teamId: string }) {
  return (
    <NameDialog
      title="Create group"
      opener="Create group"
      openerClass={buttonClass}
      submit="Create group"
      action={createGroupAction.bind(null, teamId)}
    />
  );
}

export function RenameGroupDialog({ teamId, groupId, name }: { teamId: string; groupId: string; name: string }) {
  return (
    <NameDialog
      title={`Rename ${name}`}
      opener={`Rename ${name}`}
      openerClass={small}
      submit="Rename"
      initial={name}
      action={renameGroupAction.bind(null, teamId, groupId)}
    />
  );
}

/** Deleting a group that opens custom apps asks for an explicit confirmation. */
export function DeleteGroupDialog({
  teamId,
  groupId,
  name,
  customApps,
}: {
  teamId: string;
  groupId: string;
  name: string;
  customApps: number;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState<GroupFormState, FormData>(
    deleteGroupAction.bind(null, teamId, groupId),
    {},
  );
  return (
    <>
      <button type="button" className={`${small} text-red-700 dark:text-red-400`} onClick={() => setOpen(true)}>
        Delete {name}
      </button>
      <Dialog title={`Delete ${name}?`} open={open} onClose={() => setOpen(false)}>
        <form action={formAction} className="space-y-4 text-sm">
          <p>Its members stay in the team; only the group goes.</p>
          {customApps > 0 ? (
            <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              <input type="checkbox" name="confirmCustomApps" required className="mt-0.5 h-4 w-4" />
              <span>
                I understand that this group opens {customApps} custom app{customApps === 1 ? "" : "s"} and its members
                lose that access.
              </span>
            </label>
          ) : null}
          <Result state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              Delete group
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
