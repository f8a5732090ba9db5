import "server-only";
import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { accountTransfersRouter } from "./account-transfers";
import { apiKeysRouter } from "./api-keys";
import { auditRouter } from "./audit";
import { authRouter } from "./auth";
import { connectUsageRouter } from "./connect-usage";
import { customAppsRouter } from "./custom-apps";
import { devRouter } from "./dev";
import { domainsRouter } from "./domains";
import { groupsRouter } from "./groups";
import { hostMetricsRouter } from "./host-metrics";
import { hostOperationsRouter } from "./host-operations";
import { hostsRouter } from "./hosts";
import { identityProvidersRouter } from "./identity-providers";
import { invitationsRouter } from "./invitations";
import { membersRouter } from "./members";
import { notificationsRouter } from "./notifications";
import { profileRouter } from "./profile";
import { scimRouter } from "./scim";
import { securityRouter } from "./security";
import { settingsRouter } from "./settings";
import { staffConsoleRouter } from "./staff-console";
import { subscriptionRouter } from "./subscription";
import { supportAccessRouter } from "./support-access";
import { teamsRouter } from "./teams";
import { webhooksRouter } from "./webhooks";

export const appRouter = router({
  account: accountRouter,
  profile: profileRouter,
  accountTransfers: accountTransfersRouter,
  auth: authRouter,
  security: securityRouter,
  teams: teamsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  groups: groupsRouter,
  domains: domainsRouter,
  hosts: hostsRouter,
  hostOperations: hostOperationsRouter,
  hostMetrics: hostMetricsRouter,
  customApps: customAppsRouter,
  settings: settingsRouter,
  identityProviders: identityProvidersRouter,
  scim: scimRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  subscription: subscriptionRouter,
  connectUsage: connectUsageRouter,
  audit: auditRouter,
  supportAccess: supportAccessRouter,
  staffConsole: staffConsoleRouter,
  notifications: notificationsRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
