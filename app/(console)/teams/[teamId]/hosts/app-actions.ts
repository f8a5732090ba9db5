"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { emailList } from "@/app/_lib/email-list";
import { done, formAction } from "@/app/_lib/form-action";
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

export const shareAppAction = formAction(
  teamInput.extend(shareAppInput.shape).extend({ emails: emailList(shareAppInput.shape.emails), appName }),
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
