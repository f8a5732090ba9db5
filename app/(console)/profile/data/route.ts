import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { serverApi } from "@/server/caller";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";

/**
 * "Download my data": the account's own data as a JSON file, authorised by the same procedure
 * as everything else. A POST from the console's own page: the export is audited, and no link
 * or image on another site can start one in a signed-in browser.
 */
export async function POST(request: Request) {
  if (isCrossOriginRequest(request, configuredOrigins())) {
    return new Response((await getTranslations("profile.data"))("crossSite"), { status: 403 });
  }
  let data: Awaited<ReturnType<Awaited<ReturnType<typeof serverApi>>["profile"]["exportData"]>>;
  try {
    data = await (await serverApi()).profile.exportData();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      return Response.redirect(new URL("/sign-in?next=/profile", request.url), 303);
    }
    throw error;
  }
  const day = data.exportedAt.toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="customer-console-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
