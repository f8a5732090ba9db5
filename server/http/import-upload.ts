import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { MAX_IMPORT_BYTES } from "@/lib/member-import-format";
import type { createCaller } from "../routers/root";
import { readableZodMessage } from "../trpc";
import { BodyTooLarge, declaresTooLarge, readTextWithin } from "./body-limit";

type Caller = ReturnType<typeof createCaller>;
export type ImportUpload = { ok: true; csv: string } | { ok: false; response: Response };

const TOO_LARGE = `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; split it into smaller files.`;

function refused(status: number, error: string): ImportUpload {
  return { ok: false, response: Response.json({ error }, { status }) };
}

/**
 * The CSV file of an import, read only once the caller may import users into the team and
 * only up to the import's size limit: nobody can make the server hold a large body for nothing.
 */
export async function receiveImportUpload(request: Request, api: Caller, teamId: string): Promise<ImportUpload> {
  let permissions: readonly string[];
  try {
    ({ permissions } = await api.teams.access({ teamId }));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return refused(
      getHTTPStatusCodeFromError(error),
      error.cause instanceof ZodError ? readableZodMessage(error.cause) : error.message,
    );
  }
  if (!permissions.includes("members.invite")) return refused(403, "Only the team's managers can import users.");
  if (declaresTooLarge(request, MAX_IMPORT_BYTES)) return refused(413, TOO_LARGE);
  try {
    return { ok: true, csv: await readTextWithin(request, MAX_IMPORT_BYTES) };
  } catch (error) {
    if (error instanceof BodyTooLarge) return refused(413, TOO_LARGE);
    throw error;
  }
}
