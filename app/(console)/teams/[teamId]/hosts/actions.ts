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

import { z } from "zod";
import { setAppGroupsInput, shareAppInput } from "@/server/routers/custom-apps";
import { teamInput } from "@/server/trpc";

/** The app's name travels with the form only to word the notice; the procedure works from its id. */
const appName = z.string().max(200);

export const setAppGroupsAction = formAction(
  teamInput.extend(setAppGroupsInput.shape).extend({ groupIds: setAppGroupsInput.shape.groupIds.default([]), appName }),
  async ({ appName: app, ...input }, api) => {
    const { groupIds } = await api.customApps.setGroups(input);
    revalidatePath(`/teams/${input.teamId}`, "layout");
    return done((await getTranslations("hosts.apps.manageAccess"))("saved", { count: groupIds.length, app }));
  },
);

/** Addresses separated by commas, semicolons, spaces or lines. */
const addresses = z
  .string()
  .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
  .pipe(shareAppInput.shape.emails);

export const shareAppAction = formAction(
  teamInput.extend(shareAppInput.shape).extend({ emails: addresses, appName }),
  async ({ appName: app, ...input }, api) => {
    const { invited, addedToGroup } = await api.customApps.share(input);
    revalidatePath(`/teams/${input.teamId}`, "layout");
    const t = await getTranslations("hosts.apps.share");
    const said = [
      invited.length > 0 ? t("invited", { count: invited.length, app }) : null,
      addedToGroup.length > 0 ? t("addedToGroup", { emails: addedToGroup.join(", ") }) : null,
    ];
    return done(said.filter(Boolean).join(" "));
  },
);
