"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { FormStatus, fieldError, refusalId, useFormAction } from "@/app/_components/form-status";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { createGroupAction, deleteGroupAction, renameGroupAction } from "./actions";

function NameDialog({
  title,
  opener,
  openerClass,
  submit,
  teamId,
  groupId,
  initial,
  action,
}: {
  title: string;
  opener: string;
  openerClass: string;
  submit: string;
  teamId: string;
  groupId?: string;
  initial?: string;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("groups.dialogs");
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useFormAction(action);
  const nameError = fieldError(state, "name");
  return (
    <>
      <button type="button" className={openerClass} onClick={() => setOpen(true)}>
        {opener}
      </button>
      <Dialog title={title} open={open} onClose={() => setOpen(false)}>
        <form action={formAction} className="space-y-4">
          <input type="hidden" name="teamId" value={teamId} />
          {groupId ? <input type="hidden" name="groupId" value={groupId} /> : null}
          <div>
            <label htmlFor={`${formId}-name`} className="mb-1 block text-sm font-medium">
              {t("groupName")}
            </label>
            <input
              id={`${formId}-name`}
              name="name"
              defaultValue={initial}
              required
              maxLength={100}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? refusalId(formId) : undefined}
              className={inputClass}
            />
          </div>
          <FormStatus state={state} id={refusalId(formId)} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {t("close")}
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
  const t = useTranslations("groups.dialogs");
  return (
    <NameDialog
      title={t("create")}
      opener={t("create")}
      openerClass={buttonClass}
      submit={t("create")}
      teamId={teamId}
      action={createGroupAction}
    />
  );
}

export function RenameGroupDialog({ teamId, groupId, name }: { teamId: string; groupId: string; name: string }) {
  const t = useTranslations("groups.dialogs");
  return (
    <NameDialog
      title={t("rename", { name })}
      opener={t("rename", { name })}
      openerClass={small}
      submit={t("renameSubmit")}
      teamId={teamId}
      groupId={groupId}
      initial={name}
      action={renameGroupAction}
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
  const t = useTranslations("groups.dialogs");
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useFormAction(deleteGroupAction);
  return (
    <>
      <button type="button" className={`${small} text-red-700 dark:text-red-400`} onClick={() => setOpen(true)}>
        {t("delete", { name })}
      </button>
      <Dialog title={t("deleteTitle", { name })} open={open} onClose={() => setOpen(false)}>
        <form action={formAction} className="space-y-4 text-sm">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="groupId" value={groupId} />
          <p>{t("deleteExplained")}</p>
          {customApps > 0 ? (
            <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              <input type="checkbox" name="confirmCustomApps" required className="mt-0.5 h-4 w-4" />
              <span>{t("confirmCustomApps", { count: customApps })}</span>
            </label>
          ) : null}
          <FormStatus state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              {t("deleteSubmit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
