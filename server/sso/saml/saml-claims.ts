import "server-only";
import type { Profile } from "@node-saml/node-saml";
import type { ProviderClaims } from "../provider-answer";

const NAME_ID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

// Attribute names as the common identity providers send them: plain, LDAP OIDs, and the WS-Federation claim URIs of AD FS and Entra ID.
const EMAIL_ATTRIBUTES = [
  "email",
  "mail",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
  "urn:oid:0.9.2342.19200300.100.1.3",
];
const NAME_ATTRIBUTES = ["displayName", "name", "http://schemas.microsoft.com/identity/claims/displayname"];
const GIVEN_NAME_ATTRIBUTES = [
  "givenName",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
  "urn:oid:2.5.4.42",
];
const SURNAME_ATTRIBUTES = [
  "sn",
  "surname",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
  "urn:oid:2.5.4.4",
];

/** An attribute's values as text; node-saml gives one value as a string and several as an array. */
function texts(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((one): one is string => typeof one === "string")
    .map((one) => one.trim())
    .filter(Boolean);
}

function first(attributes: Record<string, unknown>, names: string[]): string | null {
  for (const name of names) {
    const [value] = texts(attributes[name]);
    if (value) return value;
  }
  return null;
}

/** What the verified assertion says about the person: NameID as subject, email, name and groups. */
export function claimsFromProfile(profile: Profile, groupAttribute: string): Omit<ProviderClaims, "subject"> {
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const nameIdIsEmail = profile.nameIDFormat === NAME_ID_EMAIL && profile.nameID.includes("@");
  const fullName = [first(attributes, GIVEN_NAME_ATTRIBUTES), first(attributes, SURNAME_ATTRIBUTES)]
    .filter(Boolean)
    .join(" ");
  return {
    email: nameIdIsEmail ? profile.nameID : first(attributes, EMAIL_ATTRIBUTES),
    name: first(attributes, NAME_ATTRIBUTES) ?? (fullName || null),
    groups: [...new Set(texts(attributes[groupAttribute]))],
  };
}
