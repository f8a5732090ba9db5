import { listHosts } from "../hosts/list-hosts";
import { router, teamProcedure } from "../trpc";

export const hostsRouter = router({
  list: teamProcedure("hosts.read").query(({ ctx }) => listHosts(ctx.db, ctx.access.team.id)),
});
