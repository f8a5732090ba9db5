/** A request body larger than its route takes; answered with 413. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${formatBytes(maxBytes)}.`);
    this.name = "BodyTooLarge";
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1_000} kB`;
}

/** True when the declared Content-Length is over the limit (or not a length at all): refuse before reading. */
export function declaresTooLarge(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes);
}

/**
 * Reads the body, stopping as soon as it passes `maxBytes`: a body sent without a length, or
 * longer than the one it declared, is never held in memory beyond the limit.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (declaresTooLarge(request, maxBytes)) throw new BodyTooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyWithin(request, maxBytes));
}
