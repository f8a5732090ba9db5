"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";
import type { ConnectionTestResult } from "@/lib/sso/connection-test-result";
import {
  createOidcProviderInput,
  createSamlProviderInput,
  deleteProviderInput,
  setProviderEnabledInput,
  testConnectionInput,
  updateOidcProviderInput,
  updateSamlProviderInput,
} from "@/server/routers/identity-providers";
import { teamInput } from "@/server/trpc";

const providersPage = (teamId: string) => `/teams/${teamId}/settings/identity-providers`;
const licence = { defaultLicensed: checkbox };

const createOidc = formAction(teamInput.extend(createOidcProviderInput.shape).extend(licence), async (input, api) =>
  showProvider(input.teamId, (await api.identityProviders.createOidc(input)).id),
);
const createSaml = formAction(teamInput.extend(createSamlProviderInput.shape).extend(licence), async (input, api) =>
  showProvider(input.teamId, (await api.identityProviders.createSaml(input)).id),
);

function showProvider(teamId: string, identityProviderId: string): never {
  revalidatePath(providersPage(teamId));
  redirect(`${providersPage(teamId)}/${identityProviderId}`);
}

/** One form for both protocols: its Protocol field says which settings it carries. */
export async function createProviderAction(previous: FormState, form: FormData): Promise<FormState> {
  return form.get("kind") === "saml" ? createSaml(previous, form) : createOidc(previous, form);
}

const updateOidc = formAction(teamInput.extend(updateOidcProviderInput.shape).extend(licence), async (input, api) => {
  await api.identityProviders.updateOidc(input);
  return savedNotice(input.teamId);
});
const updateSaml = formAction(teamInput.extend(updateSamlProviderInput.shape).extend(licence), async (input, api) => {
  await api.identityProviders.updateSaml(input);
  return savedNotice(input.teamId);
});

async function savedNotice(teamId: string) {
  revalidatePath(providersPage(teamId), "layout");
  return done((await getTranslations("identityProviders.edit"))("saved"));
}

export async function updateProviderAction(previous: FormState, form: FormData): Promise<FormState> {
  return form.get("kind") === "saml" ? updateSaml(previous, form) : updateOidc(previous, form);
}

/** The test's findings come back as the form's value, for the page to list. */
export const testConnectionAction = formAction(teamInput.extend(testConnectionInput.shape), async (input, api) => {
  const result: ConnectionTestResult = await api.identityProviders.testConnection(input);
  revalidatePath(`${providersPage(input.teamId)}/${input.identityProviderId}`);
  return done(null, result);
});

export const setProviderEnabledAction = formAction(
  teamInput.extend(setProviderEnabledInput.shape).extend({ enabled: checkbox }),
  async (input, api) => {
    await api.identityProviders.setEnabled(input);
    revalidatePath(providersPage(input.teamId), "layout");
    const t = await getTranslations("identityProviders.status");
    return done(input.enabled ? t("enabledNotice") : t("disabledNotice"));
  },
);

export const deleteProviderAction = formAction(teamInput.extend(deleteProviderInput.shape), async (input, api) => {
  await api.identityProviders.delete(input);
  revalidatePath(providersPage(input.teamId));
  redirect(providersPage(input.teamId));
});
