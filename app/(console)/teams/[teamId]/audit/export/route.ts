import { getTranslations } from "next-intl/server";
import { streamProcedure } from "@/app/_lib/stream-response";
import { serverApi } from "@/server/caller";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";
import { readAuditFilter } from "../filters";

const FORMATS = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  jsonl: { contentType: "application/jsonl; charset=utf-8", extension: "jsonl" },
} as const;

/** The filtered Audit log as CSV or JSON Lines, streamed page by page. */
export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  // The export is audited: a link on another site must not make a signed-in browser start one.
  const t = await getTranslations("audit");
  if (isCrossOriginRequest(request, configuredOrigins())) {
    return Response.json({ error: t("export.crossOrigin") }, { status: 403 });
  }
  const { teamId } = await params;
  const search = new URL(request.url).searchParams;
  const format = search.get("format") === "jsonl" ? "jsonl" : "csv";
  const { problems, filter } = readAuditFilter({
    actor: search.get("actor") ?? undefined,
    action: search.get("action") ?? undefined,
    from: search.get("from") ?? undefined,
    to: search.get("to") ?? undefined,
  });
  if (problems.length) {
    return Response.json(
      { error: problems.map((problem) => t(`filters.problems.${problem}`)).join(" ") },
      { status: 400 },
    );
  }
  const date = new Date().toISOString().slice(0, 10);
  return streamProcedure(
    async () => (await serverApi()).audit.export({ teamId, format, ...filter }),
    (chunk) => chunk,
    {
      "content-type": FORMATS[format].contentType,
      "content-disposition": `attachment; filename="audit-log-${date}.${FORMATS[format].extension}"`,
    },
  );
}
