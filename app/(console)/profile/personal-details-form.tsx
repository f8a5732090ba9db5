"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass, inputClass } from "@/app/_components/ui";
import { type PersonalDetailsState, updateProfileAction } from "./actions";

export function PersonalDetailsForm({
  profile,
  languages,
}: {
  profile: { name: string; phone: string | null; language: string };
  languages: ReadonlyArray<{ code: string; label: string }>;
}) {
  const [state, action, pending] = useActionState<PersonalDetailsState, FormData>(updateProfileAction, {});
  const values = state.values ?? { name: profile.name, phone: profile.phone ?? "", language: profile.language };
  return (
    // The key refills the fields from the saved profile or the refused input after each answer.
    <form
      key={JSON.stringify(values)}
      action={action}
      aria-label="Personal details"
      className="max-w-md space-y-4"
      noValidate
    >
      <Field
        id="profile-name"
        name="name"
        label="Name"
        defaultValue={values.name}
        autoComplete="name"
        required
        maxLength={200}
      />
      <Field
        id="profile-phone"
        name="phone"
        label="Phone"
        type="tel"
        defaultValue={values.phone}
        autoComplete="tel"
        hint="Optional. With + and the country code, for example +1 415 555 0100. Stored encrypted."
      />
      <div>
        <label htmlFor="profile-language" className="mb-1 block text-sm font-medium">
          Language
        </label>
        <select id="profile-language" name="language" defaultValue={values.language} className={inputClass}>
          {languages.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.label}
            </option>
          ))}
        </select>
      </div>
      <FormError message={state.error} />
      {state.notice ? <FormNotice>{state.notice}</FormNotice> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save profile"}
      </button>
    </form>
  );
}
