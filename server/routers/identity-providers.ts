import { z } from "zod";
import { createIdentityProvider } from "../sso/providers/create-identity-provider";
import { deleteIdentityProvider } from "../sso/providers/delete-identity-provider";
import { getIdentityProvider, listIdentityProviders } from "../sso/providers/provider-view";
import { setIdentityProviderEnabled } from "../sso/providers/set-identity-provider-enabled";
import { testIdentityProvider } from "../sso/providers/test-identity-provider";
import { updateIdentityProvider } from "../sso/providers/update-identity-provider";
import { router, teamProcedure } from "../trpc";

const httpUrl = (message: string) =>
  z
    .string({ message })
    .trim()
    .max(2000, "Keep the URL under 2,000 characters.")
    .refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), message);

const commonFields = {
  name: z
    .string({ message: "Enter a name for the identity provider." })
    .trim()
    .min(1, "Enter a name for the identity provider.")
    .max(100, "Use at most 100 characters for the provider's name."),
  groupClaim: z
    .string()
    .trim()
    .min(1, "Name the claim or attribute that lists the person's groups.")
    .max(200, "Use at most 200 characters for the group claim.")
    .default("groups"),
  defaultRole: z.enum(["member", "manager"]).default("member"),
  defaultLicensed: z.boolean().default(false),
};

const oidcFields = z.object({
  ...commonFields,
  issuer: httpUrl("Enter the issuer URL, like https://login.example.com."),
  clientId: z
    .string({ message: "Enter the client ID the provider gave you." })
    .trim()
    .min(1, "Enter the client ID the provider gave you.")
    .max(500, "Use at most 500 characters for the client ID."),
  scopes: z.string().trim().max(500, "Use at most 500 characters for the scopes.").default("openid email profile"),
});
const clientSecret = z.string().max(4000, "Use at most 4,000 characters for the client secret.");
const samlFields = z.object({
  ...commonFields,
  samlMetadataUrl: httpUrl("Enter the metadata URL, like https://idp.example.com/metadata.").optional(),
  samlMetadataXml: z.string().max(1_000_000, "Metadata XML may be at most 1 MB.").optional(),
});
const oneProvider = z.object({ identityProviderId: z.uuid() });

export const createOidcProviderInput = oidcFields.extend({
  clientSecret: clientSecret.min(1, "Enter the client secret the provider gave you."),
});
/** An empty client secret keeps the stored one. */
export const updateOidcProviderInput = oneProvider
  .extend(oidcFields.shape)
  .extend({ clientSecret: clientSecret.optional() });
export const createSamlProviderInput = samlFields;
export const updateSamlProviderInput = oneProvider.extend(samlFields.shape);
export const setProviderEnabledInput = oneProvider.extend({ enabled: z.boolean() });
export const deleteProviderInput = oneProvider;
export const testConnectionInput = oneProvider;

export const identityProvidersRouter = router({
  list: teamProcedure("sso.read").query(({ ctx }) => listIdentityProviders(ctx.db, ctx.access.team.id)),
  get: teamProcedure("sso.read")
    .input(oneProvider)
    .query(({ ctx, input }) => getIdentityProvider(ctx.db, ctx.access.team.id, input.identityProviderId)),
  createOidc: teamProcedure("sso.manage")
    .input(createOidcProviderInput)
    .mutation(({ ctx, input }) =>
      createIdentityProvider(ctx.db, ctx, { ...input, kind: "oidc", teamId: ctx.access.team.id }),
    ),
  createSaml: teamProcedure("sso.manage")
    .input(createSamlProviderInput)
    .mutation(({ ctx, input }) =>
      createIdentityProvider(ctx.db, ctx, { ...input, kind: "saml", teamId: ctx.access.team.id }),
    ),
  updateOidc: teamProcedure("sso.manage")
    .input(updateOidcProviderInput)
    .mutation(({ ctx, input }) =>
      updateIdentityProvider(ctx.db, ctx, { ...input, kind: "oidc", teamId: ctx.access.team.id }),
    ),
  updateSaml: teamProcedure("sso.manage")
    .input(updateSamlProviderInput)
    .mutation(({ ctx, input }) =>
      updateIdentityProvider(ctx.db, ctx, { ...input, kind: "saml", teamId: ctx.access.team.id }),
    ),
  setEnabled: teamProcedure("sso.manage")
    .input(setProviderEnabledInput)
    .mutation(({ ctx, input }) => setIdentityProviderEnabled(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  testConnection: teamProcedure("sso.manage")
    .input(testConnectionInput)
    .mutation(({ ctx, input }) => testIdentityProvider(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
  delete: teamProcedure("sso.manage")
    .input(deleteProviderInput)
    .mutation(({ ctx, input }) => deleteIdentityProvider(ctx.db, ctx, { ...input, teamId: ctx.access.team.id })),
});
