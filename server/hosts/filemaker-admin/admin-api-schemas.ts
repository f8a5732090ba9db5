import { z } from "zod";

/** Every Admin API answer: `response` holds the result, `messages` the API's code ("0" is OK) and text. */
export const envelopeSchema = z.object({
  response: z.unknown(),
  messages: z.array(z.object({ code: z.coerce.string(), text: z.string() })).min(1),
});

export const tokenSchema = z.object({ token: z.string().min(1) });

export const serverMetadataSchema = z.object({ ServerVersion: z.string() });

export const serverStatusSchema = z.object({ running: z.boolean() });

export const databaseStatusSchema = z.enum(["NORMAL", "PAUSED", "CLOSED", "OPENING", "CLOSING", "PAUSING", "RESUMING"]);

export const databasesSchema = z.object({
  databases: z.array(
    z.object({
      id: z.coerce.string(),
      filename: z.string(),
      status: databaseStatusSchema,
      size: z.number().nonnegative(),
      clients: z.number().int().nonnegative(),
      isEncrypted: z.boolean(),
    }),
  ),
});

export const databaseChangeSchema = z.object({
  database: z.object({ id: z.coerce.string(), status: databaseStatusSchema }),
});

export const clientsSchema = z.object({
  clients: z.array(
    z.object({
      id: z.coerce.string(),
      userName: z.string(),
      computerName: z.string(),
      ipaddress: z.string(),
      appType: z.string(),
      connectTime: z.iso.datetime(),
      guestFiles: z.array(z.object({ filename: z.string() })),
    }),
  ),
});

const scheduleSchema = z.object({
  id: z.coerce.string(),
  name: z.string(),
  taskType: z.string(),
  enabled: z.boolean(),
  lastRun: z.iso.datetime().nullable(),
  nextRun: z.iso.datetime().nullable(),
});

export const schedulesSchema = z.object({ schedules: z.array(scheduleSchema) });

export const scheduleAnswerSchema = z.object({ schedule: scheduleSchema });

export const statisticsSchema = z.object({
  cpuPercent: z.number(),
  memoryPercent: z.number(),
  connectedClients: z.number().int().nonnegative(),
  storageBytes: z.number().nonnegative(),
  dataTransferBytes: z.number().nonnegative(),
});

const backupSchema = z.object({
  id: z.coerce.string(),
  scheduleId: z.coerce.string().nullable(),
  takenAt: z.iso.datetime(),
  sizeBytes: z.number().nonnegative(),
  databases: z.array(z.object({ filename: z.string(), sizeBytes: z.number().nonnegative() })),
});

export const backupsSchema = z.object({ backups: z.array(backupSchema) });

export const backupAnswerSchema = z.object({ backup: backupSchema });

export const restoredDatabaseSchema = z.object({
  database: z.object({ id: z.coerce.string(), filename: z.string(), status: databaseStatusSchema }),
});

export const emptySchema = z.object({});
