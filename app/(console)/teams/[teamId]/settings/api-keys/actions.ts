"use server";

import { revalidatePath } from "next/cache";
import { done, formAction } from "@/app/_lib/form-action";
import { createApiKeyInput, oneApiKeyInput } from "@/server/routers/api-keys";
import { teamInput } from "@/server/trpc";

const apiKeysPage = (teamId: string) => `/teams/${teamId}/settings/api-keys`;

/** The new key's secret goes back to the dialog that shows it this once. */
export const createApiKeyAction = formAction(teamInput.extend(createApiKeyInput.shape), async (input, api) => {
  const { name, secret } = await api.apiKeys.create(input);
  revalidatePath(apiKeysPage(input.teamId));
  return done(null, { name, secret });
});

export const revokeApiKeyAction = formAction(teamInput.extend(oneApiKeyInput.shape), async (input, api) => {
  await api.apiKeys.revoke(input);
  revalidatePath(apiKeysPage(input.teamId));
  return done(null);
});
