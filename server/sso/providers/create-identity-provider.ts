import "server-only";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { type ProviderSettings, providerColumns } from "./provider-settings";

export async function createIdentityProvider(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string /** The demo's provider has a published id. */; id?: string } & ProviderSettings,
): Promise<{ id: string }> {
  const { teamId, id, ...settings } = input;
  const { columns, shown } = providerColumns(settings);
  try {
    return await db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const [provider] = await tx
        .insert(identityProviders)
        .values({ ...columns, id, teamId, kind: settings.kind, name: settings.name, createdAt: now, updatedAt: now })
        .returning({ id: identityProviders.id });
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId,
        action: "identity_provider.created",
        target: { type: "identity_provider", id: provider!.id },
        after: { kind: settings.kind, ...shown, ...(settings.kind === "oidc" ? { clientSecret: "(set)" } : {}) },
      });
      return provider!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "identity_providers_team_name_ci_unique")) {
      throw new DomainError("CONFLICT", "identityProviderNameTaken", { name: settings.name });
    }
    throw error;
  }
}
