import { providerRouteContext, serviceProviderMetadataOf } from "@/server/sso/sign-in/route-support";

/** The console's SAML service provider metadata for one provider; identity providers fetch it, so it needs no sign-in. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  const metadata = route ? await serviceProviderMetadataOf(route.db, providerId) : null;
  if (!metadata) return new Response(null, { status: 404 });
  const download = new URL(request.url).searchParams.has("download");
  return new Response(metadata, {
    headers: {
      "content-type": "application/samlmetadata+xml; charset=utf-8",
      ...(download ? { "content-disposition": `attachment; filename="customer-console-sp-${providerId}.xml"` } : {}),
    },
  });
}
