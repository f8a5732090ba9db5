"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/app/_components/alert";
import { CopyField } from "@/app/_components/copy-field";
import { Dialog, FormDialog } from "@/app/_components/dialog";
import { ActionForm, FormStatus, SubmitButton, SubmitForm, useFormAction } from "@/app/_components/form-status";
import { buttonClass, dangerButtonClass, secondaryButtonClass, smallButtonClass } from "@/app/_components/ui";
import {
  deleteEndpointAction,
  resendDeliveryAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  updateEndpointAction,
} from "../actions";
import { EndpointFields, type EventTypeGroups } from "../endpoint-fields";

interface EndpointRef {
  teamId: string;
  webhookEndpointId: string;
}

function Hidden({ teamId, webhookEndpointId }: EndpointRef) {
  return (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="webhookEndpointId" value={webhookEndpointId} />
    </>
  );
}

/** The endpoint's URL, description and events, saved together. */
export function EditEndpointForm({
  endpoint,
  groups,
  url,
  description,
  eventTypes,
}: {
  endpoint: EndpointRef;
  groups: EventTypeGroups;
  url: string;
  description: string;
  eventTypes: string[];
}) {
  const t = useTranslations("webhooks.form");
  return (
    <SubmitForm
      action={updateEndpointAction}
      submit={t("save")}
      busy={t("saving")}
      submitClass={buttonClass}
      keepFields
      className="space-y-4"
    >
      <Hidden {...endpoint} />
      <EndpointFields groups={groups} url={url} description={description} eventTypes={eventTypes} />
    </SubmitForm>
  );
}

/** Send test event, and Enable or Disable, side by side with what each did below them. */
export function EndpointSwitches({ endpoint, enabled }: { endpoint: EndpointRef; enabled: boolean }) {
  const t = useTranslations("webhooks.endpoint");
  const [testState, sendTest, testing] = useFormAction(sendTestEventAction);
  const [switchState, flip, flipping] = useFormAction(setEndpointEnabledAction);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {enabled ? (
          <form action={sendTest}>
            <Hidden {...endpoint} />
            <button type="submit" className={buttonClass} disabled={testing}>
              {t("sendTest")}
            </button>
          </form>
        ) : null}
        <form action={flip}>
          <Hidden {...endpoint} />
          {enabled ? null : <input type="hidden" name="enabled" value="on" />}
          <button type="submit" className={secondaryButtonClass} disabled={flipping}>
            {enabled ? t("disable") : t("enable")}
          </button>
        </form>
      </div>
      <FormStatus state={testState} />
      <FormStatus state={switchState} />
    </div>
  );
}

/** Rotate secret: confirmed first, then the new secret is shown this once. */
export function RotateSecretDialog({ endpoint }: { endpoint: EndpointRef }) {
  const t = useTranslations("webhooks.rotate");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        {t("open")}
      </button>
      <Dialog title={t("title")} open={open} onClose={() => setOpen(false)}>
        <RotateSecretForm endpoint={endpoint} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function RotateSecretForm({ endpoint, onClose }: { endpoint: EndpointRef; onClose: () => void }) {
  const t = useTranslations("webhooks.rotate");
  const format = useFormatter();
  const [state, run, pending] = useFormAction(rotateSecretAction);
  if (state.status === "done") {
    const until = format.dateTime(new Date(state.value.previousSecretExpiresAt), {
      dateStyle: "medium",
      timeStyle: "short",
    });
    return (
      <div className="space-y-4">
        <Notice>{t("rotated", { until })}</Notice>
        <CopyField label={t("secret")} value={state.value.secret} />
        <div className="flex justify-end">
          <button type="button" className={buttonClass} onClick={onClose}>
            {t("close")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm state={state} pending={pending} action={run} className="space-y-4">
      <Hidden {...endpoint} />
      <p className="text-sm">{t("explained")}</p>
      <FormStatus />
      <div className="flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("cancel")}
        </button>
        <SubmitButton className={buttonClass}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Deleting removes the endpoint and its log for good, so it is confirmed first. */
export function DeleteEndpointDialog({ endpoint, url }: { endpoint: EndpointRef; url: string }) {
  const t = useTranslations("webhooks.delete");
  return (
    <FormDialog
      title={t("title", { url })}
      opener={t("open")}
      openerClass={dangerButtonClass}
      action={deleteEndpointAction}
      submit={t("submit")}
      close={t("cancel")}
    >
      <Hidden {...endpoint} />
      <p className="whitespace-normal break-all text-sm">{t("explained")}</p>
    </FormDialog>
  );
}

/** Resend one delivery, named for screen readers by its event and time. */
export function ResendButton({
  endpoint,
  webhookDeliveryId,
  label,
}: {
  endpoint: EndpointRef;
  webhookDeliveryId: string;
  label: string;
}) {
  const t = useTranslations("webhooks.log");
  const [state, run, pending] = useFormAction(resendDeliveryAction);
  return (
    <div className="w-40 space-y-1 whitespace-normal">
      <form action={run}>
        <Hidden {...endpoint} />
        <input type="hidden" name="webhookDeliveryId" value={webhookDeliveryId} />
        <button type="submit" className={smallButtonClass} aria-label={label} disabled={pending}>
          {t("resend")}
        </button>
      </form>
      {state.status === "refused" ? <FormStatus state={state} /> : null}
    </div>
  );
}
