"use client";

import { useTranslations } from "next-intl";
import { Field, SelectField } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { updateProfileAction } from "./actions";

export function PersonalDetailsForm({
  profile,
  languages,
}: {
  profile: { name: string; phone: string | null; language: string };
  languages: ReadonlyArray<{ code: string; label: string }>;
}) {
  const t = useTranslations("profile.details");
  const [state, action, pending] = useFormAction(updateProfileAction);
  return (
    // A refused form keeps what was typed; the key refills the fields once the saved profile changes.
    <ActionForm
      state={state}
      pending={pending}
      key={JSON.stringify([profile.name, profile.phone, profile.language])}
      action={action}
      keepFields
      aria-label={t("title")}
      className="max-w-md space-y-4"
      noValidate
    >
      <Field name="name" label={t("name")} defaultValue={profile.name} autoComplete="name" required maxLength={200} />
      <Field
        name="phone"
        label={t("phone")}
        type="tel"
        defaultValue={profile.phone ?? ""}
        autoComplete="tel"
        hint={t("phoneHint")}
      />
      <SelectField name="language" label={t("language")} defaultValue={profile.language}>
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
