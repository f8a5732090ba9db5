import { z } from "zod";
import {
  API_KEY_EXPIRY_DAYS_DEFAULT,
  API_KEY_EXPIRY_DAYS_MAX,
  API_KEY_EXPIRY_DAYS_MIN,
  API_KEY_NAME_MAX,
} from "../api-keys/api-key-rules";
import { createApiKey } from "../api-keys/create-api-key";
import { grantableScopes } from "../api-keys/grantable-scopes";
import { listApiKeys } from "../api-keys/list-api-keys";
import { revokeApiKey } from "../api-keys/revoke-api-key";
import { actorLocale } from "../i18n/reader-locale";
import { PERMISSIONS } from "../permissions";
import { router, teamProcedure } from "../trpc";

export const createApiKeyInput = z.object({
  name: z
    .string({ message: "Enter a name for the API key." })
    .trim()
    .min(1, "Enter a name for the API key.")
    .max(API_KEY_NAME_MAX, "Use at most 100 characters for the API key's name."),
  expiresInDays: z
    .number()
    .int()
    .min(API_KEY_EXPIRY_DAYS_MIN, "An API key lives at least 30 days.")
    .max(API_KEY_EXPIRY_DAYS_MAX, "An API key lives at most 365 days.")
    .default(API_KEY_EXPIRY_DAYS_DEFAULT),
  scopes: z.array(z.string().max(64)).max(Object.keys(PERMISSIONS).length).default([]),
});
export const oneApiKeyInput = z.object({ apiKeyId: z.uuid() });

export const apiKeysRouter = router({
  list: teamProcedure("apiKeys.read").query(({ ctx }) => listApiKeys(ctx.db, ctx.access.team.id, ctx.clock.now())),
  /** What the caller may give a new key, with each scope's meaning in their language. */
  scopes: teamProcedure("apiKeys.read").query(async ({ ctx }) =>
    grantableScopes({ roles: ctx.access.roles, product: ctx.access.team.product }, await actorLocale(ctx.db, ctx)),
  ),
  create: teamProcedure("apiKeys.manage")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) =>
      createApiKey(ctx.db, ctx, {
        ...input,
        teamId: ctx.access.team.id,
        creator: { roles: ctx.access.roles, product: ctx.access.team.product },
      }),
    ),
  revoke: teamProcedure("apiKeys.manage")
    .input(oneApiKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
