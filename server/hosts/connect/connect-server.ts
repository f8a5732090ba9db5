import "server-only";
import type { Database } from "@/db/client";
import { hosts } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { encrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import type { ServerConnectionDetails } from "../host-connection";
import { refreshHost } from "../refresh-host";
import { checkServerConnection } from "./check-server-connection";

export interface ServerToConnect extends ServerConnectionDetails {
  teamId: string;
  name: string;
}

/**
 * Connects a team's own FileMaker Server: the details are tried first and nothing is saved when
 * they fail; then the host is recorded (its password encrypted) and looked at once, so its
 * databases are there when the manager opens it.
 */
export async function connectServer(db: Database, ctx: DomainContext, input: ServerToConnect): Promise<{ id: string }> {
  const { adminPassword, caCertificate, ...named } = input;
  const tested = await checkServerConnection(db, ctx, input);
  const now = ctx.clock.now();
  const status: "running" | "stopped" = tested.running ? "running" : "stopped";
  const described = {
    ...named,
    kind: "self_hosted" as const,
    hostname: new URL(input.adminApiUrl).hostname,
    filemakerVersion: tested.version,
    status,
    caCertificate: caCertificate?.trim() || null,
  };
  const adminPasswordEncrypted = encrypt(keyRing(), adminPassword);
  let host: { id: string };
  try {
    host = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(hosts)
        .values({
          ...described,
          region: null,
          computeSize: null,
          adminPasswordEncrypted,
          statusSince: now,
          startedAt: tested.running ? now : null,
          createdAt: now,
        })
        .returning({ id: hosts.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "host.connected",
        target: { type: "host", id: created!.id },
        after: { ...described, caCertificate: described.caCertificate !== null },
      });
      return created!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "hosts_team_name_ci_unique")) {
      throw new DomainError("CONFLICT", "aHostNamedAlreadyExists", { name: input.name });
    }
    if (isUniqueViolation(error, "hosts_team_server_unique")) {
      throw new DomainError("CONFLICT", "thisServerIsAlreadyConnected", { url: input.adminApiUrl });
    }
    throw error;
  }
  await refreshHost(db, ctx, {
    id: host.id,
    teamId: input.teamId,
    status,
    adminApiUrl: input.adminApiUrl,
    adminUser: input.adminUser,
    adminPasswordEncrypted,
    caCertificate: described.caCertificate,
  });
  return host;
}
