"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/app/_components/alert";
import { CopyField } from "@/app/_components/copy-field";
import { Dialog } from "@/app/_components/dialog";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { addEndpointAction } from "./actions";
import { EndpointFields, type EventTypeGroups } from "./endpoint-fields";

/**
 * Add endpoint: its URL, description and events; once added, the dialog shows its signing
 * secret this one time instead of the form. Closing unmounts it, so reopening starts afresh.
 */
export function AddEndpointDialog({ teamId, groups }: { teamId: string; groups: EventTypeGroups }) {
  const t = useTranslations("webhooks.add");
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className={buttonClass} onClick={() => setOpen(true)}>
        {t("open")}
      </button>
      <Dialog title={t("title")} open={open} onClose={close}>
        <AddEndpointForm teamId={teamId} groups={groups} onClose={close} />
      </Dialog>
    </>
  );
}

function AddEndpointForm({
  teamId,
  groups,
  onClose,
}: {
  teamId: string;
  groups: EventTypeGroups;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks");
  const [state, run, pending] = useFormAction(addEndpointAction);
  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <Notice>{t("add.added")}</Notice>
        <CopyField label={t("secret")} value={state.value.secret} />
        <div className="flex justify-end">
          <button type="button" className={buttonClass} onClick={onClose}>
            {t("add.close")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm state={state} pending={pending} action={run} keepFields className="space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <EndpointFields groups={groups} />
      <FormStatus />
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("add.cancel")}
        </button>
        <SubmitButton className={buttonClass} busy={t("add.adding")}>
          {t("add.submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
