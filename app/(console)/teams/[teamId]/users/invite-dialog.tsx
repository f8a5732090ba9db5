"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { Checkbox, SelectField, TextAreaField } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { inviteAction } from "./actions";

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
  return (
    <FormDialog
      title={t("invite.title")}
      opener={t("invite.open")}
      openerClass={buttonClass}
      action={inviteAction}
      submit={t("invite.send")}
      busy={t("invite.sending")}
      close={t("invite.close")}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <TextAreaField name="emails" label={t("invite.emails")} rows={3} required hint={t("invite.emailsHint")} />
      <SelectField name="role" label={t("invite.role")} defaultValue="member">
        <option value="member">{t("role.member")}</option>
        <option value="manager">{t("role.manager")}</option>
      </SelectField>
      {fileMaker ? (
        <>
          <Checkbox name="licensed" label={t("invite.licensed")} />
          {groups.length > 0 ? (
            <fieldset>
              <legend className="mb-1 text-sm font-medium">{t("invite.groups")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {groups.map((group) => (
                  <Checkbox key={group.id} name="groupIds" value={group.id} label={group.name} />
                ))}
              </div>
            </fieldset>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("noLicences")}</p>
      )}
    </FormDialog>
  );
}
