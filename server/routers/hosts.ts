import { z } from "zod";
import { hostDetails } from "../hosts/host-details";
import { listHosts } from "../hosts/list-hosts";
import { router, teamInput, teamProcedure } from "../trpc";

export const hostInput = teamInput.extend({ hostId: z.uuid() });

export const hostsRouter = router({
  list: teamProcedure("hosts.read").query(({ ctx }) => listHosts(ctx.db, ctx.access.team.id)),
  get: teamProcedure("hosts.read")
    .input(hostInput)
    .query(({ ctx, input }) => hostDetails(ctx.db, ctx.access.team.id, input.hostId)),
});
