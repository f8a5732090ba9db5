"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { checkbox, done, formAction } from "@/app/_lib/form-action";
import type { Messages } from "@/lib/i18n/messages";
import {
  closeDatabaseInput,
  databaseOperationInput,
  disconnectClientInput,
  openDatabaseInput,
  restoreBackupInput,
  scheduleOperationInput,
  sendMessageInput,
} from "@/server/routers/host-operations";
import { hostInput } from "@/server/routers/hosts";

type OperationKind = keyof Messages["hosts"]["operations"]["kinds"];

/** The host's pages show the new operation at once, and the notice names what was queued. */
async function queued(input: { teamId: string; hostId: string }, kind: OperationKind) {
  revalidatePath(`/teams/${input.teamId}/hosts/${input.hostId}`, "layout");
  const t = await getTranslations("hosts.operations");
  return done(t("queued", { operation: t(`kinds.${kind}`) }));
}

export const stopHostAction = formAction(hostInput, async (input, api) => {
  await api.hostOperations.stopHost(input);
  return queued(input, "stop_host");
});

export const startHostAction = formAction(hostInput, async (input, api) => {
  await api.hostOperations.startHost(input);
  return queued(input, "start_host");
});

export const restartHostAction = formAction(hostInput, async (input, api) => {
  await api.hostOperations.restartHost(input);
  return queued(input, "restart_host");
});

export const openDatabaseAction = formAction(openDatabaseInput.extend({ saveKey: checkbox }), async (input, api) => {
  await api.hostOperations.openDatabase(input);
  return queued(input, "open_database");
});

export const closeDatabaseAction = formAction(closeDatabaseInput.extend({ force: checkbox }), async (input, api) => {
  await api.hostOperations.closeDatabase(input);
  return queued(input, "close_database");
});

export const pauseDatabaseAction = formAction(databaseOperationInput, async (input, api) => {
  await api.hostOperations.pauseDatabase(input);
  return queued(input, "pause_database");
});

export const resumeDatabaseAction = formAction(databaseOperationInput, async (input, api) => {
  await api.hostOperations.resumeDatabase(input);
  return queued(input, "resume_database");
});

export const sendMessageAction = formAction(sendMessageInput, async (input, api) => {
  await api.hostOperations.sendMessage(input);
  return queued(input, "send_message");
});

export const disconnectClientAction = formAction(disconnectClientInput, async (input, api) => {
  await api.hostOperations.disconnectClient(input);
  return queued(input, "disconnect_client");
});

export const backUpNowAction = formAction(hostInput, async (input, api) => {
  await api.hostOperations.backUpNow(input);
  return queued(input, "back_up_now");
});

export const restoreBackupAction = formAction(restoreBackupInput.extend({ replace: checkbox }), async (input, api) => {
  await api.hostOperations.restoreBackup(input);
  return queued(input, "restore_backup");
});

export const runScheduleAction = formAction(scheduleOperationInput, async (input, api) => {
  await api.hostOperations.runSchedule(input);
  return queued(input, "run_schedule");
});

export const enableScheduleAction = formAction(scheduleOperationInput, async (input, api) => {
  await api.hostOperations.setScheduleEnabled({ ...input, enabled: true });
  return queued(input, "enable_schedule");
});

export const disableScheduleAction = formAction(scheduleOperationInput, async (input, api) => {
  await api.hostOperations.setScheduleEnabled({ ...input, enabled: false });
  return queued(input, "disable_schedule");
});
