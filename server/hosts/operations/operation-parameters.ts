import type { hostOperations } from "@/db/schema";

export type HostOperationKind = (typeof hostOperations.$inferSelect)["kind"];
export type HostOperationStatus = (typeof hostOperations.$inferSelect)["status"];

/**
 * What an operation acts on, as stored in `host_operations.parameters`. The only secret an
 * operation may carry (a database's encryption key) is kept encrypted under a name that says so
 * and wiped when the operation finishes.
 */
export interface OperationParameters {
  customAppId?: string;
  databaseId?: string;
  databaseName?: string;
  force?: boolean;
  saveKey?: boolean;
  encryptionKeyEncrypted?: string;
  clientId?: string;
  userName?: string;
  message?: string;
  graceSeconds?: number;
  scheduleId?: string;
  scheduleName?: string;
  backupId?: string;
  filename?: string;
  targetName?: string;
  replace?: boolean;
}

const SECRET_PARAMETERS = ["encryptionKeyEncrypted"] as const;

/** The parameters with every secret left out: what may be shown, audited or compared. */
export function publicParameters(parameters: unknown): OperationParameters {
  const copy = { ...(parameters as OperationParameters) };
  for (const name of SECRET_PARAMETERS) delete copy[name];
  return copy;
}

/** Two requests ask for the same thing when their kind and public parameters are equal. */
export function sameRequest(
  a: { kind: HostOperationKind; parameters: unknown },
  b: { kind: HostOperationKind; parameters: unknown },
): boolean {
  if (a.kind !== b.kind) return false;
  const left = publicParameters(a.parameters) as Record<string, unknown>;
  const right = publicParameters(b.parameters) as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}
