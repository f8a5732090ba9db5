"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
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

export const createOidcProviderAction = formAction(
  teamInput.extend(createOidcProviderInput.shape).extend(licence),
  async (input, api) => {
    const { id } = await api.identityProviders.createOidc(input);
    revalidatePath(providersPage(input.teamId));
    redirect(`${providersPage(input.teamId)}/${id}`);
  },
);

export const createSamlProviderAction = formAction(
  teamInput.extend(createSamlProviderInput.shape).extend(licence),
  async (input, api) => {
    const { id } = await api.identityProviders.createSaml(input);
    revalidatePath(providersPage(input.teamId));
    redirect(`${providersPage(input.teamId)}/${id}`);
  },
);

export const updateOidcProviderAction = formAction(
  teamInput.extend(updateOidcProviderInput.shape).extend(licence),
  async (input, api) => {
    await api.identityProviders.updateOidc(input);
    revalidatePath(providersPage(input.teamId), "layout");
    return done((await getTranslations("identityProviders.edit"))("saved"));
  },
);

export const updateSamlProviderAction = formAction(
  teamInput.extend(updateSamlProviderInput.shape).extend(licence),
  async (input, api) => {
    await api.identityProviders.updateSaml(input);
    revalidatePath(providersPage(input.teamId), "layout");
    return done((await getTranslations("identityProviders.edit"))("saved"));
  },
);

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
