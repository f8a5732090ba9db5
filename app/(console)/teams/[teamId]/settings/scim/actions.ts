"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { teamInput } from "@/server/trpc";

const scimPage = (teamId: string) => `/teams/${teamId}/settings/scim`;

/** The new secret goes back to this page once; it is never readable again. */
export const generateScimTokenAction = formAction(teamInput, async (input, api) => {
  const token = await api.scim.generateToken(input);
  revalidatePath(scimPage(input.teamId));
  return done(null, token);
});

export const revokeScimTokenAction = formAction(teamInput, async (input, api) => {
  await api.scim.revokeToken(input);
  revalidatePath(scimPage(input.teamId));
  return done((await getTranslations("scim"))("revoke.revoked"));
});
