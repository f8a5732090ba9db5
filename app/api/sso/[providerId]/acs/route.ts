import { acceptProviderAnswer } from "@/server/sso/sign-in/provider-sign-in";
import { completeProviderRoute, providerRouteContext } from "@/server/sso/sign-in/route-support";

/** The SAML assertion consumer service (HTTP-POST binding). */
export async function POST(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  if (!route) return new Response(null, { status: 404 });
  const form = await request.formData().catch(() => null);
  const samlResponse = form?.get("SAMLResponse");
  const relayState = form?.get("RelayState");
  if (typeof samlResponse !== "string" || typeof relayState !== "string" || samlResponse.length > 1_000_000) {
    return new Response("A SAML response (SAMLResponse and RelayState) was expected.", { status: 400 });
  }
  const outcome = await acceptProviderAnswer(route.db, route.ctx, providerId, {
    kind: "saml",
    samlResponse,
    relayState,
  });
  return completeProviderRoute(outcome);
}
