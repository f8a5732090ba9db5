import { cookies } from "next/headers";
import { acceptProviderAnswer } from "@/server/sso/sign-in/provider-sign-in";
import { completeProviderRoute, providerRouteContext, SSO_STATE_COOKIE } from "@/server/sso/sign-in/route-support";

/** The OpenID Connect redirect URI: the provider's answer comes back here. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  if (!route) return new Response(null, { status: 404 });
  const jar = await cookies();
  const browserState = jar.get(SSO_STATE_COOKIE)?.value;
  jar.delete({ name: SSO_STATE_COOKIE, path: "/api/sso" });
  const outcome = await acceptProviderAnswer(route.db, route.ctx, providerId, {
    kind: "oidc",
    callbackUrl: new URL(request.url),
    browserState,
  });
  return completeProviderRoute(outcome);
}
