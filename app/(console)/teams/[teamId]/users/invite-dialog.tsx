"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { inviteAction } from "./actions";

const FORM_ID = "invite-users";

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
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useFormAction(inviteAction);
  const emailsInvalid = fieldError(state, "emails") !== undefined;
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        {t("invite.open")}
      </button>
      <Dialog title={t("invite.title")} open={open} onClose={() => setOpen(false)}>
        <form action={action} className="space-y-4">
          <input type="hidden" name="teamId" value={teamId} />
          <div>
            <label htmlFor="invite-emails" className="mb-1 block text-sm font-medium">
              {t("invite.emails")}
            </label>
            <textarea
              id="invite-emails"
              name="emails"
              rows={3}
              required
              className={inputClass}
              aria-invalid={emailsInvalid || undefined}
              aria-describedby={emailsInvalid ? `invite-emails-help ${refusalId(FORM_ID)}` : "invite-emails-help"}
            />
            <p id="invite-emails-help" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {t("invite.emailsHint")}
            </p>
          </div>
          <div>
            <label htmlFor="invite-role" className="mb-1 block text-sm font-medium">
              {t("invite.role")}
            </label>
            <select id="invite-role" name="role" className={inputClass} defaultValue="member">
              <option value="member">{t("role.member")}</option>
              <option value="manager">{t("role.manager")}</option>
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
                {t("invite.licensed")}
              </label>
              {groups.length > 0 ? (
                <fieldset>
                  <legend className="mb-1 text-sm font-medium">{t("invite.groups")}</legend>
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
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("noLicences")}</p>
          )}
          <FormStatus state={state} id={refusalId(FORM_ID)} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {t("invite.close")}
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? t("invite.sending") : t("invite.send")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
