"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormDialog } from "@/app/_components/dialog";
import { Checkbox, Field, KeptField, SelectField } from "@/app/_components/form-parts";
import { smallButtonClass } from "@/app/_components/ui";
import { restoreBackupAction } from "../actions";

interface RestoreDialogProps {
  teamId: string;
  hostId: string;
  backup: { id: string; taken: string; filenames: string[] };
}

/** The database's name as the console shows it: its file name without the FileMaker extension. */
const nameOf = (filename: string) => filename.replace(/\.fmp12$/i, "");

/**
 * Restores one database of a backup under a new name, or over the database of the same name once
 * its name has been typed to confirm.
 */
export function RestoreDialog({ teamId, hostId, backup }: RestoreDialogProps) {
  const t = useTranslations("hosts.backups");
  const [filename, setFilename] = useState(backup.filenames[0] ?? "");
  const [targetName, setTargetName] = useState(t("defaultName", { name: nameOf(filename) }));
  const [replace, setReplace] = useState(false);
  // A refused submit resets the form's controls; remounting the checkbox shows the choice still held.
  const [resets, setResets] = useState(0);
  const existing = nameOf(filename);
  return (
    // Opened inside the table cell: its text wraps, unlike the cell's.
    <div className="whitespace-normal">
      <FormDialog
        title={t("restoreTitle", { taken: backup.taken })}
        opener={t("restore")}
        openerClass={smallButtonClass}
        action={restoreBackupAction}
        submit={t("restore")}
        close={t("cancel")}
        className="space-y-4 text-sm"
        onReset={() => setResets((count) => count + 1)}
      >
        <input type="hidden" name="teamId" value={teamId} />
        <input type="hidden" name="hostId" value={hostId} />
        <input type="hidden" name="backupId" value={backup.id} />
        <SelectField
          name="filename"
          label={t("database")}
          value={filename}
          onChange={(event) => {
            setFilename(event.target.value);
            setTargetName(t("defaultName", { name: nameOf(event.target.value) }));
          }}
        >
          {backup.filenames.map((candidate) => (
            <option key={candidate} value={candidate}>
              {nameOf(candidate)}
            </option>
          ))}
        </SelectField>
        <Checkbox
          key={resets}
          name="replace"
          label={t("replace")}
          checked={replace}
          onChange={(event) => setReplace(event.target.checked)}
        />
        {replace ? (
          <>
            <input type="hidden" name="targetName" value={existing} />
            <p className="rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              {t("replaceText", { name: existing })}
            </p>
            <KeptField name="confirmName" label={t("confirmName")} hint={existing} required autoComplete="off" />
          </>
        ) : (
          <Field
            name="targetName"
            label={t("newName")}
            hint={t("newNameHint")}
            value={targetName}
            onChange={(event) => setTargetName(event.target.value)}
            required
            maxLength={96}
          />
        )}
      </FormDialog>
    </div>
  );
}
