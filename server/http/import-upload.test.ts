import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { MAX_IMPORT_BYTES } from "@/lib/member-import-format";
import { anonymousActor } from "../actor";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { receiveImportUpload } from "./import-upload";

const database = setUpTestDatabase();
let teamId: string;

beforeAll(async () => {
  teamId = await demoTeamId(database.handle.db, "Acme Corp");
});

async function callerFor(email: string | null) {
  const { db } = database.handle;
  return createCaller(contextFor(db, email ? await accountActor(db, email, { mfaVerified: true }) : anonymousActor));
}

/** An upload that counts how much of its body the server pulled. */
function upload(size: number, headers: Record<string, string> = {}) {
  const read = { bytes: 0 };
  let left = size;
  // No chunk is made before the reader asks for one, so `read` counts what the server pulled.
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (left <= 0) return controller.close();
        const chunk = new Uint8Array(Math.min(left, 64 * 1024)).fill(0x61);
        left -= chunk.byteLength;
        read.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://console.test/teams/${teamId}/users/import?step=check`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, read };
}

async function refusal(result: Awaited<ReturnType<typeof receiveImportUpload>>) {
  if (result.ok) throw new Error("expected the upload to be refused");
  return { status: result.response.status, error: ((await result.response.json()) as { error: string }).error };
}

describe("a CSV import upload", () => {
  it("is not read for someone signed out, nor for a member who may not import", async () => {
    const anonymous = upload(1_000);
    expect(await refusal(await receiveImportUpload(anonymous.request, await callerFor(null), teamId))).toEqual({
      status: 401,
      error: "Sign in to continue.",
    });
    expect(anonymous.read.bytes).toBe(0);

    const member = upload(1_000);
    expect(
      await refusal(await receiveImportUpload(member.request, await callerFor("member@acme.example"), teamId)),
    ).toEqual({
      status: 403,
      error: "Only the team's managers can import users.",
    });
    expect(member.read.bytes).toBe(0);
  });

  it("is refused with 413 by its declared length before a byte is read, or once it passes the limit while streaming", async () => {
    const manager = await callerFor("manager@acme.example");
    const declared = upload(MAX_IMPORT_BYTES + 1, { "content-length": String(MAX_IMPORT_BYTES + 1) });
    expect(await refusal(await receiveImportUpload(declared.request, manager, teamId))).toEqual({
      status: 413,
      error: "The file is larger than 5 MB; split it into smaller files.",
    });
    expect(declared.read.bytes).toBe(0);

    const streamed = upload(4 * MAX_IMPORT_BYTES);
    expect((await refusal(await receiveImportUpload(streamed.request, manager, teamId))).status).toBe(413);
    expect(streamed.read.bytes).toBeLessThan(MAX_IMPORT_BYTES + 256 * 1024);
  });

  it("hands a manager's file within the limit to the import", async () => {
    const csv = "email,name,role,licensed,groups\nnew.person@acme.example,New Person,member,no,\n";
    const request = new Request(`http://console.test/teams/${teamId}/users/import?step=check`, {
      method: "POST",
      body: csv,
    });
    expect(await receiveImportUpload(request, await callerFor("manager@acme.example"), teamId)).toEqual({
      ok: true,
      csv,
    });
  });
});
