import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { identityProviders } from "@/db/schema";
import type { ConnectionTestResult } from "@/lib/sso/connection-test-result";
import { auditContext } from "../../audit/audit-context";
import { recordAudit } from "../../audit/record-audit";
import { decrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import type { DomainContext } from "../../domain-context";
import { DomainError } from "../../errors";
import { testOidcConnection } from "../oidc";
import { testSamlConnection } from "../saml";
import { lockIdentityProvider } from "./lock-identity-provider";

/**
 * Reads the provider's discovery document (OpenID Connect) or metadata (SAML) and says what it
 * found. A SAML provider's entity ID, sign-on URL and signing certificates are kept from it;
 * only a provider that passed may be required for sign-in.
 */
export async function testIdentityProvider(
  db: Queryable,
  ctx: DomainContext,
  input: { teamId: string; identityProviderId: string },
): Promise<ConnectionTestResult> {
  const [provider] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.teamId, input.teamId), eq(identityProviders.id, input.identityProviderId)));
  if (!provider) throw new DomainError("NOT_FOUND", "identityProviderNotFound");
  const version = provider.updatedAt.getTime();

  let result: ConnectionTestResult;
  let learned: Partial<typeof identityProviders.$inferInsert> = {};
  if (provider.kind === "oidc") {
    const report = await testOidcConnection({
      issuer: provider.issuer ?? "",
      clientId: provider.clientId ?? "",
      clientSecret: provider.clientSecretEncrypted ? decrypt(keyRing(), provider.clientSecretEncrypted) : "",
    });
    result = report.ok
      ? {
          ok: true,
          facts: [
            { name: "issuer", value: report.issuer },
            { name: "authorizationEndpoint", value: report.authorizationEndpoint },
            { name: "keys", value: String(report.keyCount) },
          ],
        }
      : { ok: false, problem: report.problem, detail: report.detail };
  } else {
    const report = await testSamlConnection({
      metadataUrl: provider.samlMetadataUrl ?? undefined,
      metadataXml: provider.samlMetadataXml ?? undefined,
    });
    if (report.ok) {
      learned = {
        issuer: report.entityId,
        samlSsoUrl: report.ssoUrl,
        samlSigningCertificates: report.signingCertificates,
      };
      result = {
        ok: true,
        facts: [
          { name: "entityId", value: report.entityId },
          { name: "ssoUrl", value: report.ssoUrl },
          { name: "keys", value: String(report.signingCertificates.length) },
        ],
      };
    } else {
      result = { ok: false, problem: report.problem, detail: report.detail };
    }
  }

  await db.transaction(async (tx) => {
    const current = await lockIdentityProvider(tx, input.teamId, provider.id);
    // An edit while the test ran: the result speaks of settings that are gone.
    if (current.updatedAt.getTime() !== version) return;
    await tx
      .update(identityProviders)
      .set({ ...learned, testedAt: result.ok ? ctx.clock.now() : null })
      .where(eq(identityProviders.id, provider.id));
    await recordAudit(tx, {
      ...auditContext(ctx),
      teamId: input.teamId,
      action: "identity_provider.connection_tested",
      target: { type: "identity_provider", id: provider.id },
      after: result.ok ? { ok: true } : { ok: false, problem: result.problem, detail: result.detail.slice(0, 500) },
    });
  });
  return result;
}
