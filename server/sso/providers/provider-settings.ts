import "server-only";
import type { identityProviders } from "@/db/schema";
import { encrypt } from "../../crypto/encryption";
import { keyRing } from "../../crypto/key-ring";
import { DomainError } from "../../errors";

export interface OidcSettings {
  kind: "oidc";
  name: string;
  issuer: string;
  clientId: string;
  /** Absent on an edit: the stored secret stays. */
  clientSecret?: string;
  scopes: string;
  groupClaim: string;
  defaultRole: "member" | "manager";
  defaultLicensed: boolean;
}

export interface SamlSettings {
  kind: "saml";
  name: string;
  samlMetadataUrl?: string;
  samlMetadataXml?: string;
  groupClaim: string;
  defaultRole: "member" | "manager";
  defaultLicensed: boolean;
}

export type ProviderSettings = OidcSettings | SamlSettings;
type ProviderColumns = Partial<typeof identityProviders.$inferInsert>;

/** The columns a provider's settings fill; what the audit log may show of them (never the secret). */
export function providerColumns(settings: ProviderSettings): {
  columns: ProviderColumns;
  shown: Record<string, unknown>;
} {
  const common = {
    name: settings.name,
    groupClaim: settings.groupClaim,
    defaultRole: settings.defaultRole,
    defaultLicensed: settings.defaultLicensed,
  };
  if (settings.kind === "oidc") {
    const scopes = [...new Set(settings.scopes.split(/\s+/).filter(Boolean))];
    if (!scopes.includes("openid")) scopes.unshift("openid");
    const shown = {
      ...common,
      issuer: settings.issuer.replace(/\/+$/, ""),
      clientId: settings.clientId,
      scopes: scopes.join(" "),
    };
    const columns: ProviderColumns = { ...shown };
    if (settings.clientSecret) columns.clientSecretEncrypted = encrypt(keyRing(), settings.clientSecret);
    return { columns, shown };
  }
  const metadataUrl = settings.samlMetadataUrl || null;
  const metadataXml = settings.samlMetadataXml?.trim() || null;
  if (!metadataUrl && !metadataXml) throw new DomainError("INVALID_INPUT", "samlMetadataMissing");
  return {
    columns: { ...common, samlMetadataUrl: metadataUrl, samlMetadataXml: metadataXml },
    shown: { ...common, samlMetadataUrl: metadataUrl, samlMetadataXml: metadataXml ? "(metadata XML)" : null },
  };
}

/** Settings that change where the console talks to the provider, so an earlier Test connection no longer counts. */
export const CONNECTION_FIELDS = [
  "issuer",
  "clientId",
  "clientSecretEncrypted",
  "samlMetadataUrl",
  "samlMetadataXml",
] as const;
