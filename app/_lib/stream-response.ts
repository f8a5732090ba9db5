import "server-only";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { actionResult } from "./action-result";

/**
 * Calls a procedure that yields chunks and answers with them as they come: the body is
 * pulled one chunk at a time, so nothing larger than a chunk is held. A refusal before the
 * first chunk answers with its status and message.
 */
export async function streamProcedure<T>(
  call: () => Promise<AsyncIterable<T>>,
  encode: (chunk: T) => string,
  headers: Record<string, string>,
): Promise<Response> {
  let status = 500;
  const started = await actionResult(async () => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof TRPCError) status = getHTTPStatusCodeFromError(error);
      throw error;
    }
  });
  if (!started.ok) return Response.json({ error: started.error }, { status });
  const iterator = started.value[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(encode(value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, { headers: { "cache-control": "no-store", ...headers } });
}
