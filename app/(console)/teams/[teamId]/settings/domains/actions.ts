"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import { addDomainInput, oneDomainInput } from "@/server/routers/domains";
import { teamInput } from "@/server/trpc";

const domainsPage = (teamId: string) => `/teams/${teamId}/settings/domains`;

export const addDomainAction = formAction(teamInput.extend(addDomainInput.shape), async (input, api) => {
  const { domain } = await api.domains.add(input);
  revalidatePath(domainsPage(input.teamId));
  return done((await getTranslations("domains"))("add.added", { domain }));
});

/** A refusal names the record expected and what DNS holds instead, so the manager can fix it. */
export const verifyDomainAction = formAction(teamInput.extend(oneDomainInput.shape), async (input, api) => {
  await api.domains.verify(input);
  revalidatePath(domainsPage(input.teamId));
  return done(null);
});

export const removeDomainAction = formAction(teamInput.extend(oneDomainInput.shape), async (input, api) => {
  await api.domains.remove(input);
  revalidatePath(domainsPage(input.teamId));
  return done(null);
});
