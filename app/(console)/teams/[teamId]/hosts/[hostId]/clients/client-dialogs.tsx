"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { Field, TextAreaField } from "@/app/_components/form-parts";
import { smallButtonClass } from "@/app/_components/ui";
import { disconnectClientAction, sendMessageAction } from "../actions";

interface ClientDialogsProps {
  teamId: string;
  hostId: string;
  client: { id: string; userName: string };
}

/** Send a connected person a message, or disconnect them after a grace time. */
export function ClientDialogs({ teamId, hostId, client }: ClientDialogsProps) {
  const t = useTranslations("hosts.clients");
  const hidden = (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="hostId" value={hostId} />
      <input type="hidden" name="clientId" value={client.id} />
    </>
  );
  return (
    // Dialogs open inside the table cell: their text wraps, unlike the cell's.
    <div className="flex flex-wrap gap-2 whitespace-normal">
      <FormDialog
        title={t("sendTitle", { user: client.userName })}
        opener={t("sendMessage")}
        openerClass={smallButtonClass}
        action={sendMessageAction}
        submit={t("sendMessage")}
        close={t("cancel")}
        className="space-y-4 text-sm"
      >
        {hidden}
        <TextAreaField name="message" label={t("message")} required maxLength={200} rows={3} />
      </FormDialog>
      <FormDialog
        title={t("disconnectTitle", { user: client.userName })}
        opener={t("disconnect")}
        openerClass={smallButtonClass}
        action={disconnectClientAction}
        submit={t("disconnect")}
        close={t("cancel")}
        className="space-y-4 text-sm"
      >
        {hidden}
        <Field
          name="graceSeconds"
          type="number"
          label={t("graceSeconds")}
          hint={t("graceHint")}
          min={0}
          max={3600}
          step={1}
          defaultValue={60}
          required
        />
        <TextAreaField
          name="message"
          label={t("message")}
          hint={t("messageHint", { user: client.userName })}
          maxLength={200}
          rows={3}
        />
      </FormDialog>
    </div>
  );
}
