import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { auditRouter } from "./audit";
import { devRouter } from "./dev";
import { groupsRouter } from "./groups";
import { hostsRouter } from "./hosts";
import { invitationsRouter } from "./invitations";
import { membersRouter } from "./members";
import { settingsRouter } from "./settings";
import { subscriptionRouter } from "./subscription";
import { teamsRouter } from "./teams";

export const appRouter = router({
  account: accountRouter,
  teams: teamsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  groups: groupsRouter,
  hosts: hostsRouter,
  settings: settingsRouter,
  subscription: subscriptionRouter,
  audit: auditRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
