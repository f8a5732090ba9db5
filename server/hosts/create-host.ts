import type { Queryable } from "@/db/client";
import { hosts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
import { encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { isUniqueViolation } from "../db-errors";
import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";
import { requireProduct } from "../teams/require-product";

export interface NewHost {
  teamId: string;
  name: string;
  hostname: string;
  region: string;
  computeSize: string;
  filemakerVersion: string;
  status: "provisioning" | "running" | "stopped";
  /** Where the platform reaches the host's Admin API, and the admin account it signs in with. */
  adminApiUrl: string;
  adminUser: string;
  adminPassword: string;
}

/** Records a FileMaker Cloud host the platform has provisioned for the team. */
export async function createHost(db: Queryable, ctx: DomainContext, input: NewHost): Promise<{ id: string }> {
  const { adminPassword, ...described } = input;
  try {
    return await db.transaction(async (tx) => {
      await requireProduct(tx, input.teamId, "filemaker_cloud", "hosts");
      const now = ctx.clock.now();
      const [host] = await tx
        .insert(hosts)
        .values({
          ...described,
          kind: "cloud",
          adminPasswordEncrypted: encrypt(keyRing(), adminPassword),
          statusSince: now,
          startedAt: input.status === "running" ? now : null,
          createdAt: now,
        })
        .returning({ id: hosts.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "host.created",
        target: { type: "host", id: host!.id },
        after: described,
      });
      return host!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "aHostNamedOrWithHostname", { name: input.name, hostname: input.hostname });
    }
    throw error;
  }
}
