import { domainToASCII } from "node:url";
import { DomainError } from "../../errors";

/**
 * Suffixes under which many unrelated owners register names: a team may never claim one, or
 * it would route every address below it. Single labels ("com") are refused anyway; this names
 * the common second-level ones, not the whole Public Suffix List.
 */
const PUBLIC_SUFFIXES = new Set([
  ...["co", "org", "ac", "gov", "ltd", "plc", "me", "net", "nhs", "sch"].map((s) => `${s}.uk`),
  ...["com", "net", "org", "edu", "gov", "id", "asn"].map((s) => `${s}.au`),
  ...["co", "org", "net", "ac", "govt", "school"].map((s) => `${s}.nz`),
  ...["co", "ne", "or", "ac", "go"].map((s) => `${s}.jp`),
  ...["com", "net", "org", "gov", "edu"].map((s) => `${s}.br`),
  ...["com", "net", "org", "gov", "edu"].map((s) => `${s}.cn`),
  ...["com", "net", "org", "gob", "edu"].map((s) => `${s}.mx`),
  ...["co", "net", "org", "gen", "firm", "ind"].map((s) => `${s}.in`),
  ...["co", "org", "net", "gov", "ac"].map((s) => `${s}.za`),
  ...["com", "net", "org"].map((s) => `${s}.tr`),
  ...["co", "or", "ac", "go"].map((s) => `${s}.kr`),
  "github.io",
  "herokuapp.com",
  "blogspot.com",
  "azurewebsites.net",
  "cloudfront.net",
  "appspot.com",
]);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Characters no host name has, though the URL parser would quietly drop or read them ("x.com/"). */
const NOT_IN_A_HOST_NAME = /[\s/\\:@?#[\]%]/;

/**
 * The form a domain is stored and compared in: lower case, punycode, no trailing dot. Refuses
 * what is not a host name (an address, a URL, an email address) and public suffixes ("com", "co.uk").
 */
export function normaliseDomain(text: string): string {
  const typed = text.trim();
  const ascii = NOT_IN_A_HOST_NAME.test(typed) ? "" : domainToASCII(typed).toLowerCase().replace(/\.$/, "");
  const labels = ascii.split(".");
  const isHostName =
    ascii.length > 0 &&
    ascii.length <= 253 &&
    labels.every((label) => LABEL.test(label)) &&
    !/^\d+$/.test(labels.at(-1)!);
  if (!isHostName) throw new DomainError("INVALID_INPUT", "domainNotADomain", { domain: typed });
  if (labels.length < 2 || PUBLIC_SUFFIXES.has(ascii)) {
    throw new DomainError("INVALID_INPUT", "domainIsPublicSuffix", { domain: ascii });
  }
  return ascii;
}
