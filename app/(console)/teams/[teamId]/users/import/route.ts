import { getTranslations } from "next-intl/server";
import { actionState, done } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";
import { streamProcedure } from "@/app/_lib/stream-response";
import { serverApi } from "@/server/caller";
import { REQUEST_ID_HEADER } from "@/server/http/client-address";
import { receiveImportUpload } from "@/server/http/import-upload";
import { configuredOrigins, isCrossOriginRequest } from "@/server/http/same-origin";

/** A refusal as the dialog shows every refusal: the message and the request id to quote. */
function refused(request: Request, status: number, message: string): Response {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? "unknown";
  const state: FormState = { status: "refused", message, requestId, fieldErrors: {} };
  return Response.json(state, { status });
}

/** The same for a refusal answered as `{ error }` by the upload and the stream. */
async function refusedAs(request: Request, response: Response): Promise<Response> {
  const { error } = (await response.json()) as { error: string };
  return refused(request, response.status, error);
}

/**
 * POST ?step=check answers the per-row report of a CSV file as a form state; POST ?step=import
 * imports its valid rows and answers with one JSON line of progress per batch. The caller is
 * checked before the file is read, and the file is read only up to the import's size limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  if (isCrossOriginRequest(request, configuredOrigins())) {
    return refused(request, 403, (await getTranslations("users"))("import.crossOrigin"));
  }
  const { teamId } = await params;
  const api = await serverApi();
  const upload = await receiveImportUpload(request, api, teamId);
  if (!upload.ok) return refusedAs(request, upload.response);
  const { csv } = upload;
  if (new URL(request.url).searchParams.get("step") === "check") {
    const state = await actionState(async ({ members }) => done(null, await members.checkImport({ teamId, csv })));
    return Response.json(state, { status: state.status === "refused" ? 400 : 200 });
  }
  const progress = await streamProcedure(
    async () => api.members.importCsv({ teamId, csv }),
    (event) => `${JSON.stringify(event)}\n`,
    { "content-type": "application/x-ndjson" },
  );
  return progress.ok ? progress : refusedAs(request, progress);
}
