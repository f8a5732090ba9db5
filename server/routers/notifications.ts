import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "../events/notification-kinds";
import { emailPreferences, setEmailPreferences } from "../notifications/email-preferences";
import { listNotifications, notificationTeams, unreadNotificationCount } from "../notifications/list-notifications";
import { deleteNotification, markAllNotificationsRead, openNotification } from "../notifications/read-notifications";
import { accountProcedure, router } from "../trpc";

const kinds = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];

export const listNotificationsInput = z.object({
  teamId: z.uuid().optional(),
  before: z.object({ createdAt: z.date(), id: z.uuid() }).optional(),
});
export const notificationInput = z.object({ id: z.uuid() });
export const markAllReadInput = z.object({ teamId: z.uuid().optional() });
export const setEmailPreferencesInput = z.object({
  email: z.partialRecord(z.enum(kinds), z.boolean()),
});

/** The signed-in person's own notifications and email choices; nobody reads another's. */
export const notificationsRouter = router({
  list: accountProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx, input)),
  teams: accountProcedure.query(({ ctx }) => notificationTeams(ctx.db, ctx)),
  unreadCount: accountProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx)),
  open: accountProcedure.input(notificationInput).mutation(({ ctx, input }) => openNotification(ctx.db, ctx, input)),
  markAllRead: accountProcedure
    .input(markAllReadInput)
    .mutation(({ ctx, input }) => markAllNotificationsRead(ctx.db, ctx, input)),
  delete: accountProcedure
    .input(notificationInput)
    .mutation(({ ctx, input }) => deleteNotification(ctx.db, ctx, input)),
  emailPreferences: accountProcedure.query(({ ctx }) => emailPreferences(ctx.db, ctx)),
  setEmailPreferences: accountProcedure
    .input(setEmailPreferencesInput)
    .mutation(({ ctx, input }) => setEmailPreferences(ctx.db, ctx, input)),
});
