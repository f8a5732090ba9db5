"use client";

import { useActionState, useState } from "react";
import { Dialog, ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { type FormState, inviteAction } from "./actions";

/** "Invite users": addresses, one role, a licence (FileMaker Cloud) and groups for them all. */
export function InviteDialog({
  teamId,
  fileMaker,
  groups,
}: {
  teamId: string;
  fileMaker: boolean;
  groups: Array<{ id: string; name: string }>;
}) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<FormState, FormData>(inviteAction.bind(null, teamId), {});
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        Invite users
      </button>
      <Dialog title="Invite users" open={open} onClose={() => setOpen(false)}>
        <form action={action} className="space-y-4">
          <div>
            <label htmlFor="invite-emails" className="mb-1 block text-sm font-medium">
              Email addresses
            </label>
            <textarea
              id="invite-emails"
              name="emails"
              rows={3}
              required
              className={inputClass}
              aria-describedby="invite-emails-help"
            />
            <p id="invite-emails-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              Separate addresses with commas or new lines. Each gets a link that works once, for 7 days.
            </p>
          </div>
          <div>
            <label htmlFor="invite-role" className="mb-1 block text-sm font-medium">
              Role
            </label>
            <select id="invite-role" name="role" className={inputClass} defaultValue="member">
              <option value="member">Member</option>
              <option value="manager">Team manager</option>
            </select>
          </div>
          {fileMaker ? (
            <>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="licensed"
                  className="h-4 w-4 rounded border-slate-300 dark:border-slate-600"
                />
                Give a FileMaker Cloud licence
              </label>
              {groups.length > 0 ? (
                <fieldset>
                  <legend className="mb-1 text-sm font-medium">Groups</legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-1">
                    {groups.map((group) => (
                      <label key={group.id} className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          name="groupIds"
                          value={group.id}
                          className="h-4 w-4 rounded border-slate-300 dark:border-slate-600"
                        />
                        {group.name}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Claris Connect teams have no per-user licences and no groups.
            </p>
          )}
          {state.result ? (
            state.result.ok ? (
              <SuccessMessage>{state.result.value}</SuccessMessage>
            ) : (
              <ErrorMessage>{state.result.error}</ErrorMessage>
            )
          ) : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              Close
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? "Sending…" : "Send invitations"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
