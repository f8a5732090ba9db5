"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateProfileAction } from "./actions";

interface PersonalDetails {
  name: string;
  phone: string;
  language: string;
}

export function PersonalDetailsForm({
  profile,
  languages,
}: {
  profile: { name: string; phone: string | null; language: string };
  languages: ReadonlyArray<{ code: string; label: string }>;
}) {
  const t = useTranslations("profile.details");
  const [state, action, pending] = useFormAction(updateProfileAction);
  // What was typed, so that a refused form keeps it rather than the saved profile.
  const [typed, setTyped] = useState<PersonalDetails | null>(null);
  const values =
    state.status === "refused" && typed
      ? typed
      : { name: profile.name, phone: profile.phone ?? "", language: profile.language };
  function submit(form: FormData) {
    setTyped({
      name: String(form.get("name") ?? ""),
      phone: String(form.get("phone") ?? ""),
      language: String(form.get("language") ?? ""),
    });
    action(form);
  }
  return (
    // The key refills the fields from the saved profile or the refused input after each answer.
    <ActionForm
      state={state}
      pending={pending}
      key={JSON.stringify(values)}
      action={submit}
      aria-label={t("title")}
      className="max-w-md space-y-4"
      noValidate
    >
      <Field name="name" label={t("name")} defaultValue={values.name} autoComplete="name" required maxLength={200} />
      <Field
        name="phone"
        label={t("phone")}
        type="tel"
        defaultValue={values.phone}
        autoComplete="tel"
        hint={t("phoneHint")}
      />
      <SelectField name="language" label={t("language")} defaultValue={values.language}>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </SelectField>
      <FormStatus />
      <SubmitButton className={buttonClass} busy={t("saving")}>
        {t("save")}
      </SubmitButton>
    </ActionForm>
  );
}
