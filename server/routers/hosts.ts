import { z } from "zod";
import { checkServerConnection } from "../hosts/connect/check-server-connection";
import { connectServer } from "../hosts/connect/connect-server";
import { removeServer } from "../hosts/connect/remove-server";
import { hostDetails } from "../hosts/host-details";
import { listHosts } from "../hosts/list-hosts";
import { router, teamInput, teamProcedure } from "../trpc";

export const hostInput = teamInput.extend({ hostId: z.uuid() });

const serverConnectionFields = {
  adminApiUrl: z
    .string({ message: "Enter the Admin API URL, like https://fms.example.com." })
    .trim()
    .max(2000, "Keep the URL under 2,000 characters.")
    .refine(
      (text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol),
      "Enter the Admin API URL, like https://fms.example.com.",
    ),
  adminUser: z
    .string({ message: "Enter the name of an admin account of the server." })
    .trim()
    .min(1, "Enter the name of an admin account of the server.")
    .max(200, "Use at most 200 characters for the admin account."),
  adminPassword: z
    .string({ message: "Enter the admin account's password." })
    .min(1, "Enter the admin account's password.")
    .max(1000, "Use at most 1,000 characters for the password."),
  caCertificate: z.string().max(100_000, "The CA certificate may be at most 100 KB.").optional(),
};

export const testServerConnectionInput = teamInput.extend(serverConnectionFields);
export const connectServerInput = teamInput.extend({
  name: z
    .string({ message: "Enter a name for the server." })
    .trim()
    .min(1, "Enter a name for the server.")
    .max(100, "Use at most 100 characters for the server's name."),
  ...serverConnectionFields,
});
export const removeServerInput = hostInput;

export const hostsRouter = router({
  list: teamProcedure("hosts.read").query(({ ctx }) => listHosts(ctx.db, ctx.access.team.id)),
  get: teamProcedure("hosts.read")
    .input(hostInput)
    .query(({ ctx, input }) =>
      hostDetails(ctx.db, ctx.access.team.id, input.hostId, {
        showsAdminApiUrl: ctx.access.permissions.includes("hosts.connect"),
      }),
    ),
  testConnection: teamProcedure("hosts.connect")
    .input(testServerConnectionInput)
    .mutation(({ ctx, input }) => checkServerConnection(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  connectServer: teamProcedure("hosts.connect")
    .input(connectServerInput)
    .mutation(({ ctx, input }) => connectServer(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  removeServer: teamProcedure("hosts.connect")
    .input(removeServerInput)
    .mutation(({ ctx, input }) => removeServer(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
