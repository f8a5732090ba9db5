import { and, eq } from "drizzle-orm";
import { identityProviders } from "@/db/schema";
import { serviceProviderMetadata } from "@/server/sso/saml";
import { providerRouteContext } from "@/server/sso/sign-in/route-support";
import { ssoEndpoints } from "@/server/sso/sso-endpoints";

/** The console's SAML service provider metadata for one provider; identity providers fetch it, so it needs no sign-in. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  if (!route) return new Response(null, { status: 404 });
  const [provider] = await route.db
    .select({ id: identityProviders.id })
    .from(identityProviders)
    .where(and(eq(identityProviders.id, providerId), eq(identityProviders.kind, "saml")));
  if (!provider) return new Response(null, { status: 404 });
  const endpoints = ssoEndpoints(provider.id);
  const download = new URL(request.url).searchParams.has("download");
  return new Response(serviceProviderMetadata({ acsUrl: endpoints.acsUrl, spEntityId: endpoints.spEntityId }), {
    headers: {
      "content-type": "application/samlmetadata+xml; charset=utf-8",
      ...(download ? { "content-disposition": `attachment; filename="customer-console-sp-${provider.id}.xml"` } : {}),
    },
  });
}
