import type { Locale } from "./locales";
import enAccountTransfers from "./messages/en/accountTransfers.json";
import enApiDocs from "./messages/en/apiDocs.json";
import enAudit from "./messages/en/audit.json";
import enAuth from "./messages/en/auth.json";
import enCommon from "./messages/en/common.json";
import enCsv from "./messages/en/csv.json";
import enDomains from "./messages/en/domains.json";
import enGroups from "./messages/en/groups.json";
import enHome from "./messages/en/home.json";
import enHosts from "./messages/en/hosts.json";
import enIdentityProviders from "./messages/en/identityProviders.json";
import enMail from "./messages/en/mail.json";
import enMailbox from "./messages/en/mailbox.json";
import enNavigation from "./messages/en/navigation.json";
import enNotifications from "./messages/en/notifications.json";
import enPages from "./messages/en/pages.json";
import enProfile from "./messages/en/profile.json";
import enRefusals from "./messages/en/refusals.json";
import enScim from "./messages/en/scim.json";
import enSettings from "./messages/en/settings.json";
import enSubscription from "./messages/en/subscription.json";
import enSupport from "./messages/en/support.json";
import enTeam from "./messages/en/team.json";
import enUsers from "./messages/en/users.json";
import enValidation from "./messages/en/validation.json";
import enWebhooks from "./messages/en/webhooks.json";
import nlAccountTransfers from "./messages/nl/accountTransfers.json";
import nlApiDocs from "./messages/nl/apiDocs.json";
import nlAudit from "./messages/nl/audit.json";
import nlAuth from "./messages/nl/auth.json";
import nlCommon from "./messages/nl/common.json";
import nlCsv from "./messages/nl/csv.json";
import nlDomains from "./messages/nl/domains.json";
import nlGroups from "./messages/nl/groups.json";
import nlHome from "./messages/nl/home.json";
import nlHosts from "./messages/nl/hosts.json";
import nlIdentityProviders from "./messages/nl/identityProviders.json";
import nlMail from "./messages/nl/mail.json";
import nlMailbox from "./messages/nl/mailbox.json";
import nlNavigation from "./messages/nl/navigation.json";
import nlNotifications from "./messages/nl/notifications.json";
import nlPages from "./messages/nl/pages.json";
import nlProfile from "./messages/nl/profile.json";
import nlRefusals from "./messages/nl/refusals.json";
import nlScim from "./messages/nl/scim.json";
import nlSettings from "./messages/nl/settings.json";
import nlSubscription from "./messages/nl/subscription.json";
import nlSupport from "./messages/nl/support.json";
import nlTeam from "./messages/nl/team.json";
import nlUsers from "./messages/nl/users.json";
import nlValidation from "./messages/nl/validation.json";
import nlWebhooks from "./messages/nl/webhooks.json";

/**
 * Every catalog, one namespace a file and a folder a language, so that each area of the console
 * keeps its own words. The English catalogs are the type: a key missing there fails the typecheck.
 */
const EN = {
  common: enCommon,
  navigation: enNavigation,
  pages: enPages,
  auth: enAuth,
  users: enUsers,
  subscription: enSubscription,
  home: enHome,
  hosts: enHosts,
  identityProviders: enIdentityProviders,
  team: enTeam,
  scim: enScim,
  settings: enSettings,
  groups: enGroups,
  domains: enDomains,
  audit: enAudit,
  profile: enProfile,
  support: enSupport,
  mailbox: enMailbox,
  refusals: enRefusals,
  validation: enValidation,
  mail: enMail,
  csv: enCsv,
  apiDocs: enApiDocs,
  webhooks: enWebhooks,
  accountTransfers: enAccountTransfers,
  notifications: enNotifications,
};
const NL = {
  common: nlCommon,
  navigation: nlNavigation,
  pages: nlPages,
  auth: nlAuth,
  users: nlUsers,
  subscription: nlSubscription,
  home: nlHome,
  hosts: nlHosts,
  identityProviders: nlIdentityProviders,
  team: nlTeam,
  scim: nlScim,
  settings: nlSettings,
  groups: nlGroups,
  domains: nlDomains,
  audit: nlAudit,
  profile: nlProfile,
  support: nlSupport,
  mailbox: nlMailbox,
  refusals: nlRefusals,
  validation: nlValidation,
  mail: nlMail,
  csv: nlCsv,
  apiDocs: nlApiDocs,
  webhooks: nlWebhooks,
  accountTransfers: nlAccountTransfers,
  notifications: nlNotifications,
};

export type Messages = typeof EN;

export const CATALOGS: Record<Locale, Messages> = { en: EN, nl: NL };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}
