"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Checkbox, Field, SelectField, TextAreaField } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { createProviderAction, updateProviderAction } from "./actions";

export interface ProviderFormValues {
  id: string;
  kind: "oidc" | "saml";
  name: string;
  issuer: string | null;
  clientId: string | null;
  hasClientSecret: boolean;
  scopes: string;
  groupClaim: string;
  samlMetadataUrl: string | null;
  samlMetadataXml: string | null;
  defaultRole: "owner" | "manager" | "member";
  defaultLicensed: boolean;
}

/**
 * Adds a provider (the protocol chosen first decides the fields) or edits one (its protocol is
 * fixed). A client secret is typed, never shown: on an edit, an empty one keeps the stored secret.
 */
export function ProviderForm({
  teamId,
  provider,
  licences,
}: {
  teamId: string;
  provider?: ProviderFormValues;
  /** Whether the team's product has per-user licences. */
  licences: boolean;
}) {
  const t = useTranslations("identityProviders.form");
  const [kind, setKind] = useState<"oidc" | "saml">(provider?.kind ?? "oidc");
  return (
    <SubmitForm
      action={provider ? updateProviderAction : createProviderAction}
      submit={provider ? t("save") : t("add")}
      submitClass={buttonClass}
      keepFields
      className="max-w-2xl space-y-4"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="kind" value={kind} />
      {provider ? <input type="hidden" name="identityProviderId" value={provider.id} /> : null}
      <Field name="name" label={t("name")} defaultValue={provider?.name} required maxLength={100} autoComplete="off" />
      {provider ? null : (
        <SelectField
          label={t("protocol")}
          value={kind}
          onChange={(event) => setKind(event.target.value as "oidc" | "saml")}
        >
          <option value="oidc">{t("oidc")}</option>
          <option value="saml">{t("saml")}</option>
        </SelectField>
      )}
      {kind === "oidc" ? (
        <>
          <Field
            name="issuer"
            label={t("issuer")}
            hint={t("issuerHint")}
            defaultValue={provider?.issuer ?? ""}
            type="url"
            required
            autoComplete="off"
            spellCheck={false}
          />
          <Field
            name="clientId"
            label={t("clientId")}
            defaultValue={provider?.clientId ?? ""}
            required
            autoComplete="off"
            spellCheck={false}
          />
          <Field
            name="clientSecret"
            label={t("clientSecret")}
            hint={provider?.hasClientSecret ? t("clientSecretKeep") : t("clientSecretHint")}
            type="password"
            required={!provider}
            autoComplete="new-password"
          />
          <Field
            name="scopes"
            label={t("scopes")}
            defaultValue={provider?.scopes ?? "openid email profile"}
            autoComplete="off"
            spellCheck={false}
          />
          <Field
            name="groupClaim"
            label={t("groupClaim")}
            hint={t("groupClaimHint")}
            defaultValue={provider?.groupClaim ?? "groups"}
            autoComplete="off"
            spellCheck={false}
          />
        </>
      ) : (
        <>
          <Field
            name="samlMetadataUrl"
            label={t("metadataUrl")}
            hint={t("metadataUrlHint")}
            defaultValue={provider?.samlMetadataUrl ?? ""}
            type="url"
            autoComplete="off"
            spellCheck={false}
          />
          <TextAreaField
            name="samlMetadataXml"
            label={t("metadataXml")}
            hint={t("metadataXmlHint")}
            defaultValue={provider?.samlMetadataXml ?? ""}
            rows={4}
            spellCheck={false}
          />
          <Field
            name="groupClaim"
            label={t("groupAttribute")}
            hint={t("groupClaimHint")}
            defaultValue={provider?.groupClaim ?? "groups"}
            autoComplete="off"
            spellCheck={false}
          />
        </>
      )}
      <SelectField name="defaultRole" label={t("defaultRole")} defaultValue={provider?.defaultRole ?? "member"}>
        <option value="member">{t("roleMember")}</option>
        <option value="manager">{t("roleManager")}</option>
      </SelectField>
      {licences ? (
        <Checkbox
          name="defaultLicensed"
          label={t("defaultLicensed")}
          defaultChecked={provider?.defaultLicensed ?? true}
        />
      ) : null}
    </SubmitForm>
  );
}
