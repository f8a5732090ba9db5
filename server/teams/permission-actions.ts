import type { RefusalKey } from "../i18n/refusal-format";
import type { Permission } from "../permissions";

/** What each permission lets someone do, as a refusal names it ("… does not allow you to invite users"). */
export const PERMISSION_ACTIONS: Record<Permission, RefusalKey> = {
  "team.read": "actionTeamRead",
  "team.update": "actionTeamUpdate",
  "members.read": "actionMembersRead",
  "members.invite": "actionMembersInvite",
  "members.update": "actionMembersUpdate",
  "members.export": "actionMembersExport",
  "ownership.transfer": "actionOwnershipTransfer",
  "groups.read": "actionGroupsRead",
  "groups.manage": "actionGroupsManage",
  "hosts.read": "actionHostsRead",
  "hosts.operate": "actionHostsOperate",
  "hosts.connect": "actionHostsConnect",
  "settings.read": "actionSettingsRead",
  "settings.update": "actionSettingsUpdate",
  "subscription.read": "actionSubscriptionRead",
  "subscription.invoices.read": "actionSubscriptionInvoicesRead",
  "subscription.change": "actionSubscriptionChange",
  "sso.read": "actionSsoRead",
  "sso.manage": "actionSsoManage",
  "apiKeys.read": "actionApiKeysRead",
  "apiKeys.manage": "actionApiKeysManage",
  "scim.read": "actionScimRead",
  "scim.manage": "actionScimManage",
  "support.read": "actionSupportRead",
  "support.grant": "actionSupportGrant",
  "audit.read": "actionAuditRead",
  "audit.verify": "actionAuditVerify",
  "audit.export": "actionAuditExport",
};
