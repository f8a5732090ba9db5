import { z } from "zod";

/**
 * What the last look at a host saw beyond its databases (which are custom apps): connected
 * clients, schedules, backups and load. Stored as JSON on the host row; read back through this
 * schema, so a page never trusts the column's shape.
 */
export const liveStateSchema = z.object({
  observedAt: z.iso.datetime(),
  clients: z.array(
    z.object({
      id: z.string(),
      userName: z.string(),
      computerName: z.string(),
      ipAddress: z.string(),
      appType: z.string(),
      connectedAt: z.iso.datetime(),
      filenames: z.array(z.string()),
    }),
  ),
  schedules: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      taskType: z.string(),
      enabled: z.boolean(),
      lastRun: z.iso.datetime().nullable(),
      nextRun: z.iso.datetime().nullable(),
    }),
  ),
  /** Null when the server does not list its backups (a FileMaker Server outside the platform). */
  backups: z
    .array(
      z.object({
        id: z.string(),
        scheduleId: z.string().nullable(),
        takenAt: z.iso.datetime(),
        sizeBytes: z.number(),
        databases: z.array(z.object({ filename: z.string(), sizeBytes: z.number() })),
      }),
    )
    .nullable(),
  /**
   * The server's load figures, null when it offers none. Its data transfer is a counter since the
   * server started: the next look's metrics take their interval from it. Absent in rows written
   * before it was kept.
   */
  statistics: z
    .object({
      cpuPercent: z.number(),
      memoryPercent: z.number(),
      connectedClients: z.number(),
      storageBytes: z.number(),
      dataTransferBytes: z.number(),
    })
    .nullable()
    .optional(),
});

export type LiveState = z.infer<typeof liveStateSchema>;

/** The stored state, or an empty one when the host was never reached or the column holds something else. */
export function readLiveState(value: unknown): LiveState | null {
  const parsed = liveStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
