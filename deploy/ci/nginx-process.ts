import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface NginxProcess {
  errorLog: () => string;
  stop: () => Promise<void>;
}

/**
 * nginx in the foreground as the current user, with the configuration `conf` (see
 * writeNginxConfig) and its error log in `directory`; answers once it accepts connections on `port`.
 */
export async function startNginx(nginx: string, directory: string, conf: string, port: number): Promise<NginxProcess> {
  const errorLogFile = path.join(directory, "error.log");
  const proxy = spawn(nginx, ["-p", directory, "-c", conf, "-e", errorLogFile], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => proxy.once("exit", () => resolve()));
  const errorLog = () => (fs.existsSync(errorLogFile) ? fs.readFileSync(errorLogFile, "utf8").slice(-4000) : "");
  const stop = async () => {
    if (proxy.exitCode !== null || proxy.signalCode !== null) return;
    proxy.kill("SIGTERM");
    const killed = setTimeout(() => proxy.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killed);
  };
  const until = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (proxy.exitCode !== null) throw new Error(`nginx exited:\n${errorLog()}`);
    if (Date.now() > until) {
      await stop();
      throw new Error(`nginx did not listen on port ${port} within 10 seconds:\n${errorLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { errorLog, stop };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
