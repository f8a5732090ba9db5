import { actionResult } from "@/app/_lib/action-result";
import { streamProcedure } from "@/app/_lib/stream-response";
import { serverApi } from "@/server/caller";
import { receiveImportUpload } from "@/server/http/import-upload";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";

/**
 * POST ?step=check answers the per-row report of a CSV file; POST ?step=import imports its
 * valid rows and answers with one JSON line of progress per batch. The caller is checked
 * before the file is read, and the file is read only up to the import's size limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  if (isCrossOriginRequest(request, configuredOrigins())) {
    return Response.json(
      { error: "Cross-origin requests cannot change anything here. Use the console itself." },
      { status: 403 },
    );
  }
  const { teamId } = await params;
  const api = await serverApi();
  const upload = await receiveImportUpload(request, api, teamId);
  if (!upload.ok) return upload.response;
  const { csv } = upload;
  if (new URL(request.url).searchParams.get("step") === "check") {
    const report = await actionResult(async () => api.members.checkImport({ teamId, csv }));
    return report.ok ? Response.json(report.value) : Response.json({ error: report.error }, { status: 400 });
  }
  return streamProcedure(
    async () => api.members.importCsv({ teamId, csv }),
    (progress) => `${JSON.stringify(progress)}\n`,
    { "content-type": "application/x-ndjson" },
  );
}
