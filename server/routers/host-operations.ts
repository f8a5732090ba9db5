import { z } from "zod";
import { listOperations } from "../hosts/operations/list-operations";
import {
  requestBackUpNow,
  requestDatabaseChange,
  requestDisconnectClient,
  requestHostPower,
  requestOpenDatabase,
  requestRestoreBackup,
  requestRunSchedule,
  requestScheduleEnabled,
  requestSendMessage,
} from "../hosts/operations/request-host-operations";
import { RESTORE_NAME } from "../hosts/operations/restore-name";
import { router, teamProcedure } from "../trpc";
import { hostInput } from "./hosts";

const liveId = z.string().trim().min(1).max(100);
const message = z.string().trim().min(1, "Type a message.").max(200, "Keep the message under 200 characters.");

export const databaseOperationInput = hostInput.extend({ customAppId: z.uuid() });
export const openDatabaseInput = databaseOperationInput.extend({
  encryptionKey: z.string().max(256, "Use at most 256 characters for the encryption key.").optional(),
  saveKey: z.boolean().optional(),
});
export const closeDatabaseInput = databaseOperationInput.extend({ force: z.boolean().optional() });
export const sendMessageInput = hostInput.extend({ clientId: liveId, message });
export const disconnectClientInput = hostInput.extend({
  clientId: liveId,
  graceSeconds: z
    .number()
    .int("The grace time is a whole number of seconds from 0 to 3600.")
    .min(0, "The grace time is a whole number of seconds from 0 to 3600.")
    .max(3600, "The grace time is a whole number of seconds from 0 to 3600."),
  message: z.string().trim().max(200, "Keep the message under 200 characters.").optional(),
});
export const restoreBackupInput = hostInput.extend({
  backupId: liveId,
  filename: z.string().min(1).max(200),
  targetName: z
    .string()
    .trim()
    .regex(RESTORE_NAME, 'A database name has 1 to 96 characters and none of / \\ : * ? " < > |.'),
  replace: z.boolean(),
  confirmName: z.string().max(200).optional(),
});
export const scheduleOperationInput = hostInput.extend({ scheduleId: liveId });
export const scheduleEnabledInput = scheduleOperationInput.extend({ enabled: z.boolean() });

const operate = teamProcedure("hosts.operate");

export const hostOperationsRouter = router({
  list: teamProcedure("hosts.read")
    .input(hostInput)
    .query(({ ctx, input }) => listOperations(ctx.db, ctx.access.team.id, input.hostId)),
  stopHost: operate
    .input(hostInput)
    .mutation(({ ctx, input }) =>
      requestHostPower(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "stop_host" }),
    ),
  startHost: operate
    .input(hostInput)
    .mutation(({ ctx, input }) =>
      requestHostPower(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "start_host" }),
    ),
  restartHost: operate
    .input(hostInput)
    .mutation(({ ctx, input }) =>
      requestHostPower(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "restart_host" }),
    ),
  openDatabase: operate
    .input(openDatabaseInput)
    .mutation(({ ctx, input }) => requestOpenDatabase(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  closeDatabase: operate
    .input(closeDatabaseInput)
    .mutation(({ ctx, input }) =>
      requestDatabaseChange(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "close_database" }),
    ),
  pauseDatabase: operate
    .input(databaseOperationInput)
    .mutation(({ ctx, input }) =>
      requestDatabaseChange(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "pause_database" }),
    ),
  resumeDatabase: operate
    .input(databaseOperationInput)
    .mutation(({ ctx, input }) =>
      requestDatabaseChange(ctx.db, ctx, { ...input, teamId: ctx.access.team.id, kind: "resume_database" }),
    ),
  sendMessage: operate
    .input(sendMessageInput)
    .mutation(({ ctx, input }) => requestSendMessage(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  disconnectClient: operate
    .input(disconnectClientInput)
    .mutation(({ ctx, input }) => requestDisconnectClient(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  backUpNow: operate
    .input(hostInput)
    .mutation(({ ctx, input }) => requestBackUpNow(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  restoreBackup: operate
    .input(restoreBackupInput)
    .mutation(({ ctx, input }) => requestRestoreBackup(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  runSchedule: operate
    .input(scheduleOperationInput)
    .mutation(({ ctx, input }) => requestRunSchedule(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  setScheduleEnabled: operate
    .input(scheduleEnabledInput)
    .mutation(({ ctx, input }) => requestScheduleEnabled(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
