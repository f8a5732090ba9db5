import { Writable } from "node:stream";
import { createLogger } from "../logger";

/** The console's logger at level info, its JSON lines parsed into an array, for tests of what gets logged. */
export function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    }),
  );
  log.level = "info";
  return { log, lines };
}
