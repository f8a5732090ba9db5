import { BodyTooLarge, readTextWithin } from "@/server/http/body-limit";
import { acceptProviderAnswer } from "@/server/sso/sign-in/provider-sign-in";
import { completeProviderRoute, providerRouteContext } from "@/server/sso/sign-in/route-support";

/** A signed SAML response with its certificates is tens of kilobytes; anyone may post here, so nothing larger is read. */
const SAML_POST_LIMIT_BYTES = 1_000_000;

/** The SAML assertion consumer service (HTTP-POST binding). */
export async function POST(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  if (!route) return new Response(null, { status: 404 });
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readTextWithin(request, SAML_POST_LIMIT_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) return new Response(error.message, { status: 413 });
    throw error;
  }
  const samlResponse = form.get("SAMLResponse");
  const relayState = form.get("RelayState");
  if (!samlResponse || !relayState) {
    return new Response("A SAML response (SAMLResponse and RelayState) was expected.", { status: 400 });
  }
  const outcome = await acceptProviderAnswer(route.db, route.ctx, providerId, {
    kind: "saml",
    samlResponse,
    relayState,
  });
  return completeProviderRoute(outcome);
}
