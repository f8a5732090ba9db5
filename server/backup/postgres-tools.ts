import { spawn } from "node:child_process";
import type { Readable } from "node:stream";

/**
 * Runs pg_dump or pg_restore against `url`. The password goes in PGPASSWORD, not on the
 * command line, where every user of the machine could read it.
 */
export async function runPostgresTool(
  tool: "pg_dump" | "pg_restore",
  url: string,
  args: string[],
  input?: Readable,
): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const child = spawn(tool, [...args, `--dbname=${parsed.toString()}`], {
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
    stdio: [input ? "pipe" : "ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  if (input) {
    input.pipe(child.stdin!);
    // pg_restore stopping early closes its input; its own message says why.
    child.stdin!.on("error", () => {});
  }
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${tool} was not found on PATH: install PostgreSQL's client programs, the same major version as the server or newer (Debian: postgresql-client).`,
            )
          : error,
      ),
    );
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`${tool} failed (exit status ${code}):\n${stderr.trim()}`);
}
