"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { setBillingContactAction } from "./actions";

/** The owner's form for the billing contact: an empty email, or Remove, leaves the owner alone on the mails. */
export function BillingContactForm({
  teamId,
  contact,
}: {
  teamId: string;
  contact: { name: string | null; email: string } | null;
}) {
  const t = useTranslations("team.billingContact");
  const [state, action, pending] = useFormAction(setBillingContactAction);
  // Each field's key refills it once the saved contact changes (also after a removal).
  const saved = contact ? `${contact.name}|${contact.email}` : "none";
  return (
    <ActionForm
      state={state}
      pending={pending}
      action={action}
      keepFields
      aria-label={t("card")}
      className="max-w-lg space-y-4"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        key={`name-${saved}`}
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={contact?.name ?? ""}
        maxLength={200}
        autoComplete="off"
      />
      <Field
        key={`email-${saved}`}
        name="email"
        label={t("email")}
        type="email"
        defaultValue={contact?.email ?? ""}
        maxLength={320}
        autoComplete="off"
      />
      <FormStatus />
      <div className="flex flex-wrap gap-3">
        <SubmitButton className={buttonClass} name="intent" value="save">
          {t("save")}
        </SubmitButton>
        {contact ? (
          <SubmitButton className={secondaryButtonClass} name="intent" value="remove">
            {t("remove")}
          </SubmitButton>
        ) : null}
      </div>
    </ActionForm>
  );
}
