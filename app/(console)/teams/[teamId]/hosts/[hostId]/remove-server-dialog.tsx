"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { dangerButtonClass, secondaryButtonClass } from "@/app/_components/ui";
import { removeServerAction } from "../actions";

/** Removing a connected server takes its custom apps out of the console, so its name is typed to confirm. */
export function RemoveServerDialog({ teamId, hostId, name }: { teamId: string; hostId: string; name: string }) {
  const t = useTranslations("hosts.overview.remove");
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [state, action, pending] = useFormAction(removeServerAction);
  const confirmed = typed.trim() === name;
  return (
    <>
      <button type="button" className={dangerButtonClass} onClick={() => setOpen(true)}>
        {t("open")}
      </button>
      <Dialog
        title={t("title", { name })}
        open={open}
        onClose={() => {
          setOpen(false);
          setTyped("");
        }}
      >
        <ActionForm state={state} pending={pending} action={action} className="space-y-4">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="hostId" value={hostId} />
          <p className="text-sm">{t("explained")}</p>
          <Field
            label={t("confirm")}
            hint={confirmed ? undefined : t("mismatch")}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <FormStatus />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <SubmitButton className={dangerButtonClass} busy={t("busy")} disabled={pending || !confirmed}>
              {t("submit")}
            </SubmitButton>
          </div>
        </ActionForm>
      </Dialog>
    </>
  );
}
