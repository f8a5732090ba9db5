"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { FormDialog } from "@/app/_components/dialog";
import { Field } from "@/app/_components/form-parts";
import { buttonClass, smallButtonClass } from "@/app/_components/ui";
import { createGroupAction, deleteGroupAction, renameGroupAction } from "./actions";

function NameDialog({
  teamId,
  groupId,
  initial,
  ...dialog
}: { teamId: string; groupId?: string; initial?: string } & Pick<
  ComponentProps<typeof FormDialog<undefined>>,
  "title" | "opener" | "openerClass" | "submit" | "action"
>) {
  const t = useTranslations("groups.dialogs");
  return (
    <FormDialog {...dialog} close={t("close")}>
      <input type="hidden" name="teamId" value={teamId} />
      {groupId ? <input type="hidden" name="groupId" value={groupId} /> : null}
      <Field name="name" label={t("groupName")} defaultValue={initial} required maxLength={100} />
    </FormDialog>
  );
}

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
      openerClass={smallButtonClass}
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
  return (
    <FormDialog
      title={t("deleteTitle", { name })}
      opener={t("delete", { name })}
      openerClass={`${smallButtonClass} text-red-700 dark:text-red-400`}
      action={deleteGroupAction}
      submit={t("deleteSubmit")}
      close={t("cancel")}
      className="space-y-4 text-sm"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="groupId" value={groupId} />
      <p>{t("deleteExplained")}</p>
      {customApps > 0 ? (
        <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <input type="checkbox" name="confirmCustomApps" required className="mt-0.5 h-4 w-4" />
          <span>{t("confirmCustomApps", { count: customApps })}</span>
        </label>
      ) : null}
    </FormDialog>
  );
}
