import { cookies } from "next/headers";
import { SsoFailure } from "@/server/sso/provider-answer";
import { startProviderSignIn } from "@/server/sso/sign-in/provider-sign-in";
import { recordProviderSignInFailure } from "@/server/sso/sign-in/record-sign-in-failure";
import { failedSignInRedirect, providerRouteContext, SSO_STATE_COOKIE } from "@/server/sso/sign-in/route-support";
import { SSO_STATE_LIFETIME_MS } from "@/server/sso/sign-in-state";

/** Sends the person to the identity provider's sign-in page. */
export async function GET(request: Request, { params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const route = await providerRouteContext(request, providerId);
  if (!route) return new Response(null, { status: 404 });
  try {
    const { redirectTo, state } = await startProviderSignIn(route.db, route.ctx, providerId);
    (await cookies()).set(SSO_STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: "lax",
      secure: new URL(request.url).protocol === "https:",
      path: "/api/sso",
      maxAge: SSO_STATE_LIFETIME_MS / 1000,
    });
    return Response.redirect(redirectTo, 303);
  } catch (error) {
    if (!(error instanceof SsoFailure)) throw error;
    await recordProviderSignInFailure(route.db, route.ctx, providerId, error);
    return failedSignInRedirect(route.ctx.request.requestId);
  }
}
