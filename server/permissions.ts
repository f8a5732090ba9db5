/**
 * Who may do what in a team: the only place roles are checked. A procedure names the
 * permission it needs; nothing else compares roles. A support session holds the `*.read`
 * permissions of the team it views, and nothing more.
 */
export type TeamProduct = "filemaker_cloud" | "claris_connect";
export type TeamRole = "owner" | "manager" | "licensedMember" | "member";

interface PermissionRule {
  /** Completes "Your role does not allow you to …". */
  label: string;
  roles: readonly TeamRole[];
  /** Limits the permission to teams of these products. */
  products?: readonly TeamProduct[];
}

const everyone = ["owner", "manager", "licensedMember", "member"] as const;
const managers = ["owner", "manager"] as const;
const fileMakerOnly = ["filemaker_cloud"] as const;
const connectOnly = ["claris_connect"] as const;

export const PERMISSIONS = {
  "team.read": { label: "see this team", roles: everyone },
  "team.update": { label: "rename the team", roles: managers },
  "members.read": { label: "see the team's users", roles: managers },
  "members.invite": { label: "invite users", roles: managers },
  "members.update": { label: "change users", roles: managers },
  // Not a `.read` permission on purpose: a support session may look at users, never carry the list away.
  "members.export": { label: "export the team's users", roles: managers },
  "ownership.transfer": { label: "transfer the team's ownership", roles: ["owner"] },
  "groups.read": { label: "see the team's groups", roles: managers, products: fileMakerOnly },
  "groups.manage": { label: "manage groups", roles: managers, products: fileMakerOnly },
  "hosts.read": { label: "see the team's hosts", roles: managers, products: fileMakerOnly },
  /** Stop, start and restart hosts, act on their databases, clients, backups and schedules, give apps to groups. */
  "hosts.operate": { label: "operate the team's hosts", roles: managers, products: fileMakerOnly },
  "hosts.connect": { label: "connect a FileMaker Server", roles: managers, products: fileMakerOnly },
  "settings.read": { label: "see the team's settings", roles: managers },
  "settings.update": { label: "change the team's settings", roles: managers },
  /** The summary and usage; licensed members see these and nothing more of the subscription. */
  "subscription.read": { label: "see the subscription", roles: ["owner", "manager", "licensedMember"] },
  /** Flows and API requests against the plan's limits, this month and the last 12. */
  "connectUsage.read": { label: "see the team's Claris Connect usage", roles: managers, products: connectOnly },
  "subscription.invoices.read": { label: "see the subscription's invoices", roles: managers },
  "subscription.change": { label: "change the subscription", roles: ["owner"] },
  /** Identity providers and verified domains; client secrets are never readable, even with sso.read. */
  "sso.read": { label: "see the team's single sign-on", roles: managers },
  "sso.manage": { label: "manage the team's single sign-on", roles: managers },
  "apiKeys.read": { label: "see the team's API keys", roles: managers },
  "apiKeys.manage": { label: "create and revoke API keys", roles: managers },
  /** The SCIM token is never readable; scim.read shows whether one is set, its prefix and its last use. */
  "scim.read": { label: "see SCIM provisioning", roles: managers },
  "scim.manage": { label: "generate the SCIM token", roles: managers },
  /** Webhook signing secrets are never readable; webhooks.read shows endpoints and their delivery log. */
  "webhooks.read": { label: "see the team's webhooks", roles: managers },
  "webhooks.manage": { label: "manage webhooks", roles: managers },
  /** Requests to move accounts in or out that wait for the team's approval. */
  "transfers.read": { label: "see account transfer requests", roles: managers },
  "transfers.answer": { label: "allow or deny account transfers", roles: managers },
  "support.read": { label: "see support access", roles: managers },
  "support.grant": { label: "grant or revoke support access", roles: managers },
  "audit.read": { label: "see the team's audit log", roles: managers },
  /** Signs the log's current head before checking it; a support session checks through audit.read. */
  "audit.verify": { label: "sign and verify the team's audit log", roles: managers },
  // Not a `.read` permission, like members.export: support may look, never carry the log away.
  "audit.export": { label: "export the team's audit log", roles: managers },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

const PRODUCT_NAMES: Record<TeamProduct, string> = {
  filemaker_cloud: "FileMaker Cloud",
  claris_connect: "Claris Connect",
};

export function productName(product: TeamProduct): string {
  return PRODUCT_NAMES[product];
}

/** The roles a membership holds: a licensed member or manager also counts as licensedMember. */
export function rolesOf(membership: { role: "owner" | "manager" | "member"; licensed: boolean }): TeamRole[] {
  const roles: TeamRole[] = [membership.role];
  if (membership.licensed && membership.role !== "owner") roles.push("licensedMember");
  return roles;
}

export type PermissionVerdict = { allowed: true } | { allowed: false; reason: "role" | "product" };

export function checkPermission(
  permission: Permission,
  holder: { roles: readonly TeamRole[] } | { support: true },
  product: TeamProduct,
): PermissionVerdict {
  const rule: PermissionRule = PERMISSIONS[permission];
  if (rule.products && !rule.products.includes(product)) return { allowed: false, reason: "product" };
  if ("support" in holder) return permission.endsWith(".read") ? { allowed: true } : { allowed: false, reason: "role" };
  return holder.roles.some((role) => rule.roles.includes(role))
    ? { allowed: true }
    : { allowed: false, reason: "role" };
}

/** Every permission the holder has in a team of that product, for navigation and hidden controls. */
export function grantedPermissions(
  holder: { roles: readonly TeamRole[] } | { support: true },
  product: TeamProduct,
): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => checkPermission(p, holder, product).allowed);
}

/**
 * Permissions no API key may carry: a key that could make keys, SCIM tokens or webhook
 * endpoints would outlive its own expiry and revocation.
 */
const NEVER_KEY_SCOPES: readonly Permission[] = [
  "apiKeys.read",
  "apiKeys.manage",
  "scim.read",
  "scim.manage",
  "webhooks.manage",
];

/** The scopes a person may give an API key in a team: what they hold there themselves, less the above. */
export function apiKeyScopes(roles: readonly TeamRole[], product: TeamProduct): Permission[] {
  return grantedPermissions({ roles }, product).filter((p) => !NEVER_KEY_SCOPES.includes(p));
}
