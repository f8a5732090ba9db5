"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/server/events/notification-kinds";
import { markAllReadInput, notificationInput } from "@/server/routers/notifications";

/** Opens a notification: marked read, then on to where it leads, when the person may still go there. */
export const openNotificationAction = formAction(notificationInput, async (input, api) => {
  const { link } = await api.notifications.open(input);
  // The bell in every layout counts one fewer.
  revalidatePath("/", "layout");
  if (link) redirect(link);
  return done((await getTranslations("notifications"))("noLongerOpen"));
});

/** Deleted, the notification leaves the list, and its button with it: nothing is left to say. */
export const deleteNotificationAction = formAction(notificationInput, async (input, api) => {
  await api.notifications.delete(input);
  revalidatePath("/", "layout");
  return done(null);
});

export const markAllReadAction = formAction(markAllReadInput, async (input, api) => {
  const { marked } = await api.notifications.markAllRead(input);
  revalidatePath("/", "layout");
  return done((await getTranslations("notifications"))("markedAllRead", { count: marked }));
});

/** One checkbox per kind the person may choose: a box left unticked is sent as nothing, so it means no. */
const emailChoicesForm = z.object({
  email: z
    .object(
      Object.fromEntries(
        Object.entries(NOTIFICATION_KINDS)
          .filter(([, kind]) => !kind.mailedByItsChange)
          .map(([name]) => [name, checkbox]),
      ),
    )
    // Every box unticked sends no `email` at all: that too is a choice, of no mail.
    .prefault({}),
});

export const saveEmailChoicesAction = formAction(emailChoicesForm, async (input, api) => {
  await api.notifications.setEmailPreferences({ email: input.email as Partial<Record<NotificationKind, boolean>> });
  revalidatePath("/notifications");
  return done((await getTranslations("notifications"))("email.saved"));
});
