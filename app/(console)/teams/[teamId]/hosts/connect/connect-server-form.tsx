"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Field, TextAreaField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { connectServerAction } from "../actions";

/**
 * The details of a FileMaker Server: tried with Test connection, saved with Connect a server.
 * What was typed stays beside the answer, except the password after a refusal.
 */
export function ConnectServerForm({ teamId }: { teamId: string }) {
  const t = useTranslations("hosts.connect");
  const [state, action, pending] = useFormAction(connectServerAction);
  const [password, setPassword] = useState("");
  useEffect(() => {
    if (state.status === "refused") setPassword("");
  }, [state]);
  return (
    <ActionForm state={state} pending={pending} action={action} keepFields className="max-w-xl space-y-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field name="name" label={t("name")} hint={t("nameHint")} required maxLength={100} />
      <Field
        name="adminApiUrl"
        label={t("adminApiUrl")}
        hint={t("adminApiUrlHint")}
        type="url"
        required
        placeholder="https://fms.example.com"
      />
      <Field name="adminUser" label={t("adminUser")} required autoComplete="off" maxLength={200} />
      <Field
        name="adminPassword"
        label={t("adminPassword")}
        hint={t("passwordNote")}
        type="password"
        required
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <TextAreaField
        name="caCertificate"
        label={t("caCertificate")}
        hint={t("caCertificateHint")}
        rows={4}
        className="font-mono text-xs"
        placeholder="-----BEGIN CERTIFICATE-----"
      />
      <FormStatus />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="test" className={secondaryButtonClass}>
          {t("test")}
        </SubmitButton>
        <SubmitButton name="intent" value="connect" className={buttonClass}>
          {t("submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
