"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/app/_components/action-button";
import { FormDialog } from "@/app/_components/dialog";
import { Checkbox, Field } from "@/app/_components/form-parts";
import { smallButtonClass } from "@/app/_components/ui";
import { closeDatabaseAction, openDatabaseAction, pauseDatabaseAction, resumeDatabaseAction } from "../actions";

interface DatabaseActionsProps {
  teamId: string;
  hostId: string;
  database: { id: string; name: string; status: "open" | "closed" | "paused"; clients: number; encrypted: boolean };
}

/** The buttons that apply to a database in its status: Open a closed one, Pause or Resume, Close an open one. */
export function DatabaseActions({ teamId, hostId, database }: DatabaseActionsProps) {
  const t = useTranslations("hosts.databases");
  const fields = { teamId, hostId, customAppId: database.id };
  const hidden = Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    // Dialogs open inside the table cell: their text wraps, unlike the cell's.
    <div className="flex flex-wrap items-start gap-2 whitespace-normal">
      {database.status === "closed" && database.encrypted ? (
        <FormDialog
          title={t("openTitle", { name: database.name })}
          opener={t("open")}
          openerClass={smallButtonClass}
          action={openDatabaseAction}
          submit={t("open")}
          close={t("cancel")}
          className="space-y-4 text-sm"
        >
          {hidden}
          <p>{t("openEncryptedText", { name: database.name })}</p>
          <Field
            name="encryptionKey"
            type="password"
            label={t("encryptionKey")}
            required
            autoComplete="off"
            maxLength={256}
          />
          <Checkbox name="saveKey" label={t("saveKey")} />
        </FormDialog>
      ) : null}
      {database.status === "closed" && !database.encrypted ? (
        <ActionButton action={openDatabaseAction} fields={fields} label={t("open")} className={smallButtonClass} />
      ) : null}
      {database.status === "open" ? (
        <ActionButton action={pauseDatabaseAction} fields={fields} label={t("pause")} className={smallButtonClass} />
      ) : null}
      {database.status === "paused" ? (
        <ActionButton action={resumeDatabaseAction} fields={fields} label={t("resume")} className={smallButtonClass} />
      ) : null}
      {database.status === "closed" ? null : (
        <FormDialog
          title={t("closeTitle", { name: database.name })}
          opener={t("close")}
          openerClass={smallButtonClass}
          action={closeDatabaseAction}
          submit={t("close")}
          close={t("cancel")}
          className="space-y-4 text-sm"
        >
          {hidden}
          <p>{t("closeText", { name: database.name, count: database.clients })}</p>
          {database.clients > 0 ? <Checkbox name="force" label={t("force")} /> : null}
        </FormDialog>
      )}
    </div>
  );
}
