import "server-only";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getLocale, getTranslations } from "next-intl/server";
import { refusalText } from "@/server/i18n/refusal-message";

/** A refusal as JSON, in the reader's language; an unexpected failure gets the generic message. */
async function refusalResponse(error: TRPCError): Promise<Response> {
  const refusal = refusalText(error, await getLocale());
  const message = refusal?.message ?? (await getTranslations("common"))("unexpectedError");
  return Response.json({ error: message }, { status: getHTTPStatusCodeFromError(error) });
}

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
  let chunks: AsyncIterable<T>;
  try {
    chunks = await call();
  } catch (error) {
    // The procedure has logged its own failure; anything else is a fault of the route.
    if (error instanceof TRPCError) return refusalResponse(error);
    throw error;
  }
  const iterator = chunks[Symbol.asyncIterator]();
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
