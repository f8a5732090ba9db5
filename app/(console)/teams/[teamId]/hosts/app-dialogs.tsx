"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { Checkbox, SelectField, TextAreaField } from "@/app/_components/form-parts";
import { smallButtonClass } from "@/app/_components/ui";
import { setAppGroupsAction, shareAppAction } from "./app-actions";

interface Group {
  id: string;
  name: string;
}

interface CustomApp {
  id: string;
  name: string;
  hostName: string;
  /** The groups that may use the app now. */
  groups: Group[];
}

/** "Manage access": which of the team's groups may use one custom app. */
export function ManageAccessDialog({
  teamId,
  app,
  teamGroups,
}: {
  teamId: string;
  app: CustomApp;
  teamGroups: Group[];
}) {
  const t = useTranslations("hosts.apps");
  const granted = new Set(app.groups.map((g) => g.id));
  return (
    <FormDialog
      title={t("manageAccess.title", { app: app.name })}
      opener={t("manageAccess.open")}
      openerName={t("manageAccess.openerName", { app: app.name, host: app.hostName })}
      openerClass={smallButtonClass}
      action={setAppGroupsAction}
      submit={t("manageAccess.submit")}
      busy={t("manageAccess.busy")}
      close={t("close")}
      // The dialog sits in a table cell that does not wrap; its text does.
      className="space-y-4 whitespace-normal"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="customAppId" value={app.id} />
      <input type="hidden" name="appName" value={app.name} />
      {teamGroups.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("manageAccess.noGroups")}</p>
      ) : (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("manageAccess.groups", { app: app.name })}</legend>
          <div className="flex flex-col gap-2">
            {teamGroups.map((group) => (
              <Checkbox
                key={group.id}
                name="groupIds"
                value={group.id}
                label={group.name}
                defaultChecked={granted.has(group.id)}
              />
            ))}
          </div>
        </fieldset>
      )}
    </FormDialog>
  );
}

/** "Share app": invites people by email to use one custom app through a group that may use it. */
export function ShareAppDialog({
  teamId,
  app,
  teamGroups,
  licencesLeft,
}: {
  teamId: string;
  app: CustomApp;
  teamGroups: Group[];
  licencesLeft: number;
}) {
  const t = useTranslations("hosts.apps");
  return (
    <FormDialog
      title={t("share.title", { app: app.name })}
      opener={t("share.open")}
      openerName={t("share.openerName", { app: app.name, host: app.hostName })}
      openerClass={smallButtonClass}
      action={shareAppAction}
      submit={t("share.submit")}
      busy={t("share.busy")}
      close={t("close")}
      // The dialog sits in a table cell that does not wrap; its text does.
      className="space-y-4 whitespace-normal"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="customAppId" value={app.id} />
      <input type="hidden" name="appName" value={app.name} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("share.explained")}</p>
      <TextAreaField name="emails" label={t("share.emails")} rows={4} required hint={t("share.emailsHint")} />
      <SelectField name="groupId" label={t("share.group")} required defaultValue={app.groups[0]?.id ?? ""}>
        <option value="" disabled>
          {t("share.chooseGroup")}
        </option>
        {teamGroups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </SelectField>
      <p className="text-sm font-medium">{t("share.licencesLeft", { count: licencesLeft })}</p>
    </FormDialog>
  );
}
