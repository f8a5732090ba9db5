"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { secondaryButtonClass } from "@/app/_components/ui";
import { setIdentityProviderGroupAction } from "../actions";

/** The provider group whose members the team's identity providers put in this group at sign-in. */
export function ProviderGroupForm({
  teamId,
  groupId,
  providerGroup,
}: {
  teamId: string;
  groupId: string;
  providerGroup: string | null;
}) {
  const t = useTranslations("groups.group.providerGroup");
  return (
    <SubmitForm
      action={setIdentityProviderGroupAction}
      submit={t("submit")}
      submitClass={secondaryButtonClass}
      keepFields
      className="mb-6 max-w-md space-y-3"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="groupId" value={groupId} />
      <Field
        name="identityProviderGroup"
        label={t("label")}
        hint={t("hint")}
        defaultValue={providerGroup ?? ""}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
      />
    </SubmitForm>
  );
}
