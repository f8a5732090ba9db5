import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { isUniqueViolation } from "../../db-errors";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { lockIdentityProvider } from "./lock-identity-provider";
import { CONNECTION_FIELDS, type ProviderSettings, providerColumns } from "./provider-settings";

/**
 * Edits a provider's settings. A new client secret replaces the old one (its own audit event);
 * a change to where the console connects means Test connection must pass again.
 */
export async function updateIdentityProvider(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; identityProviderId: string } & ProviderSettings,
): Promise<void> {
  const { teamId, identityProviderId, ...settings } = input;
  const { columns, shown } = providerColumns(settings);
  try {
    await db.transaction(async (tx) => {
      const before = await lockIdentityProvider(tx, teamId, identityProviderId);
      if (before.kind !== settings.kind) throw new DomainError("INVALID_INPUT", "identityProviderProtocolFixed");
      const connectionChanged = CONNECTION_FIELDS.some((field) => field in columns && columns[field] !== before[field]);
      await tx
        .update(identityProviders)
        .set({ ...columns, updatedAt: ctx.clock.now(), ...(connectionChanged ? { testedAt: null } : {}) })
        .where(and(eq(identityProviders.teamId, teamId), eq(identityProviders.id, identityProviderId)));
      const target = { type: "identity_provider", id: identityProviderId };
      const previous = Object.fromEntries(Object.keys(shown).map((key) => [key, before[key as keyof typeof before]]));
      await recordAudit(tx, {
        ...auditContext(ctx),
        teamId,
        action: "identity_provider.updated",
        target,
        before:
          settings.kind === "saml"
            ? { ...previous, samlMetadataXml: before.samlMetadataXml ? "(metadata XML)" : null }
            : previous,
        after: shown,
      });
      if (columns.clientSecretEncrypted) {
        await recordAudit(tx, { ...auditContext(ctx), teamId, action: "identity_provider.secret_replaced", target });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "identity_providers_team_name_ci_unique")) {
      throw new DomainError("CONFLICT", "identityProviderNameTaken", { name: settings.name });
    }
    throw error;
  }
}
