import { pgEnum } from "drizzle-orm/pg-core";

export const product = pgEnum("product", ["filemaker_cloud", "claris_connect"]);
export const teamStatus = pgEnum("team_status", ["trial", "active", "past_due", "terminated", "purged"]);
export const membershipRole = pgEnum("membership_role", ["owner", "manager", "member"]);
export const membershipStatus = pgEnum("membership_status", ["invited", "active", "deactivated"]);
export const hostStatus = pgEnum("host_status", [
  "provisioning",
  "running",
  "stopped",
  "restarting",
  "terminated",
  "unreachable",
]);
/** A host the platform runs (FileMaker Cloud), or a FileMaker Server the team runs and connected. */
export const hostKind = pgEnum("host_kind", ["cloud", "self_hosted"]);
export const hostOperationStatus = pgEnum("host_operation_status", ["queued", "running", "succeeded", "failed"]);
export const hostOperationKind = pgEnum("host_operation_kind", [
  "stop_host",
  "start_host",
  "restart_host",
  "open_database",
  "close_database",
  "pause_database",
  "resume_database",
  "send_message",
  "disconnect_client",
  "back_up_now",
  "restore_backup",
  "run_schedule",
  "enable_schedule",
  "disable_schedule",
]);
export const hostMetricResolution = pgEnum("host_metric_resolution", ["minute", "hour"]);
export const customAppStatus = pgEnum("custom_app_status", ["open", "closed", "paused"]);
export const billingPeriod = pgEnum("billing_period", ["monthly", "annual"]);
export const subscriptionStatus = pgEnum("subscription_status", [
  "trialing",
  "active",
  "past_due",
  "cancelled",
  "expired",
]);
export const invoiceStatus = pgEnum("invoice_status", ["open", "paid", "void"]);
export const identityProviderKind = pgEnum("identity_provider_kind", ["oidc", "saml"]);
export const staffRole = pgEnum("staff_role", ["support", "support_admin"]);
export const actorType = pgEnum("actor_type", ["account", "staff", "system", "api_token", "scim_token"]);
