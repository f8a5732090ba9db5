import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { auditRouter } from "./audit";
import { devRouter } from "./dev";
import { groupsRouter } from "./groups";
import { hostsRouter } from "./hosts";
import { membersRouter } from "./members";
import { settingsRouter } from "./settings";
import { subscriptionRouter } from "./subscription";
import { teamsRouter } from "./teams";

export const appRouter = router({
  account: accountRouter,
  teams: teamsRouter,
  members: membersRouter,
  groups: groupsRouter,
  hosts: hostsRouter,
  settings: settingsRouter,
  subscription: subscriptionRouter,
  audit: auditRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
