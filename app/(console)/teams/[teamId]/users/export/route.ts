import { getTranslations } from "next-intl/server";
import { streamProcedure } from "@/app/_lib/stream-response";
import { serverApi } from "@/server/caller";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";
import { readView, viewFilters } from "../view";

/** The current view of the Users table as a CSV download, streamed page by page. */
export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  // The export is audited: a link on another site must not make a signed-in browser start one.
  if (isCrossOriginRequest(request, configuredOrigins())) {
    return Response.json({ error: (await getTranslations("users"))("exportCrossOrigin") }, { status: 403 });
  }
  const { teamId } = await params;
  const view = readView(Object.fromEntries(new URL(request.url).searchParams));
  const date = new Date().toISOString().slice(0, 10);
  return streamProcedure(
    async () => (await serverApi()).members.exportCsv({ teamId, ...viewFilters(view) }),
    (chunk) => chunk,
    { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="users-${date}.csv"` },
  );
}
