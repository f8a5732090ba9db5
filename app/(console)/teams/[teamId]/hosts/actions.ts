"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { done, formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";
import { connectServerInput, removeServerInput, testServerConnectionInput } from "@/server/routers/hosts";

const hostsPage = (teamId: string) => `/teams/${teamId}/hosts`;

const testConnection = formAction(testServerConnectionInput, async (input, api) => {
  const { version } = await api.hosts.testConnection(input);
  return done((await getTranslations("hosts.connect"))("connected", { version }));
});

const connect = formAction(connectServerInput, async (input, api) => {
  const { id } = await api.hosts.connectServer(input);
  revalidatePath(hostsPage(input.teamId));
  redirect(`${hostsPage(input.teamId)}/${id}`);
});

/** One form, two buttons: Test connection tries the details, Connect a server saves them. */
export async function connectServerAction(previous: FormState, form: FormData): Promise<FormState> {
  return form.get("intent") === "test" ? testConnection(previous, form) : connect(previous, form);
}

export const removeServerAction = formAction(removeServerInput, async (input, api) => {
  await api.hosts.removeServer(input);
  revalidatePath(hostsPage(input.teamId));
  redirect(hostsPage(input.teamId));
});
