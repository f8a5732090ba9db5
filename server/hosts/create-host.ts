import type { Queryable } from "@/db/client";
import { hosts } from "@/db/schema";
import { auditContext } from "../audit/audit-context";
import { recordAudit } from "../audit/record-audit";
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
}

/** Records a FileMaker Cloud host the platform has provisioned for the team. */
export async function createHost(db: Queryable, ctx: DomainContext, input: NewHost): Promise<{ id: string }> {
  try {
    return await db.transaction(async (tx) => {
      await requireProduct(tx, input.teamId, "filemaker_cloud", "hosts");
      const [host] = await tx
        .insert(hosts)
        .values({ ...input, createdAt: ctx.clock.now() })
        .returning({ id: hosts.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId: input.teamId,
        action: "host.created",
        target: { type: "host", id: host!.id },
        after: input,
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
