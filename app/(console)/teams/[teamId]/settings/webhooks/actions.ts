"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import {
  endpointSettingsInput,
  oneEndpointInput,
  resendDeliveryInput,
  setEndpointEnabledInput,
  updateEndpointInput,
} from "@/server/routers/webhooks";
import { teamInput } from "@/server/trpc";

const webhooksPage = (teamId: string) => `/teams/${teamId}/settings/webhooks`;
const endpointPage = (teamId: string, endpointId: string) => `${webhooksPage(teamId)}/${endpointId}`;

/** The new endpoint's secret goes back to the dialog that shows it this once. */
export const addEndpointAction = formAction(teamInput.extend(endpointSettingsInput.shape), async (input, api) => {
  const { id, url, secret } = await api.webhooks.create(input);
  revalidatePath(webhooksPage(input.teamId));
  return done(null, { id, url, secret });
});

export const updateEndpointAction = formAction(teamInput.extend(updateEndpointInput.shape), async (input, api) => {
  const { changed } = await api.webhooks.update(input);
  revalidatePath(webhooksPage(input.teamId), "layout");
  const t = await getTranslations("webhooks.form");
  return done(changed ? t("saved") : t("unchanged"));
});

export const rotateSecretAction = formAction(teamInput.extend(oneEndpointInput.shape), async (input, api) => {
  const rotated = await api.webhooks.rotateSecret(input);
  revalidatePath(endpointPage(input.teamId, input.webhookEndpointId));
  return done(null, rotated);
});

export const setEndpointEnabledAction = formAction(
  teamInput.extend(setEndpointEnabledInput.shape),
  async (input, api) => {
    await api.webhooks.setEnabled(input);
    revalidatePath(webhooksPage(input.teamId), "layout");
    const t = await getTranslations("webhooks.endpoint");
    return done(input.enabled ? t("enabledNotice") : t("disabledNotice"));
  },
);

export const deleteEndpointAction = formAction(teamInput.extend(oneEndpointInput.shape), async (input, api) => {
  await api.webhooks.delete(input);
  revalidatePath(webhooksPage(input.teamId));
  redirect(webhooksPage(input.teamId));
});

export const sendTestEventAction = formAction(teamInput.extend(oneEndpointInput.shape), async (input, api) => {
  await api.webhooks.sendTest(input);
  revalidatePath(endpointPage(input.teamId, input.webhookEndpointId));
  return done((await getTranslations("webhooks.endpoint"))("testQueued"));
});

export const resendDeliveryAction = formAction(teamInput.extend(resendDeliveryInput.shape), async (input, api) => {
  await api.webhooks.resend(input);
  revalidatePath(endpointPage(input.teamId, input.webhookEndpointId));
  return done((await getTranslations("webhooks.log"))("resent"));
});
