/**
 * An emulator of the FileMaker Admin API (v2) subset the console uses, serving several hosts from
 * one port, each under its own path prefix. Its clock is injected so that tests decide when
 * clients come and go, backups run and tokens lapse.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerAdminApiCall } from "./admin-api-routes";
import { Refused, refusals, sendRefusal } from "./api-envelope";
import { createEmulatedHost, type EmulatedHost, type EmulatedHostSeed } from "./emulated-host";

export interface HostsEmulatorOptions {
  port?: number;
  hosts: EmulatedHostSeed[];
  clock?: { now(): Date };
}

export interface HostsEmulator {
  /** The base URL of a host, as a console stores it: the Admin API lives under it at /fmi/admin/api/v2/. */
  url(hostId: string): string;
  /** A host's live state, for tests that look behind the API or make something happen. */
  host(hostId: string): EmulatedHost;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const API_PREFIX = ["fmi", "admin", "api", "v2"];

export async function startHostsEmulator(options: HostsEmulatorOptions): Promise<HostsEmulator> {
  const clock = options.clock ?? { now: () => new Date() };
  const hosts = new Map(options.hosts.map((seed) => [seed.id, createEmulatedHost(seed, clock.now())]));

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendRefusal(res, { httpStatus: 500, code: "-1", text: "Unknown error" });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const [hostsSegment, hostId, ...rest] = new URL(req.url ?? "/", "http://emulator").pathname.split("/").slice(1);
    const host = hostsSegment === "hosts" && hostId ? hosts.get(decodeURIComponent(hostId)) : undefined;
    if (!host || API_PREFIX.some((part, index) => rest[index] !== part)) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<!doctype html><title>Not found</title><h1>Not found</h1>");
      return;
    }
    try {
      const now = clock.now();
      host.advanceTo(now);
      const body = await readJsonBody(req);
      answerAdminApiCall(host, {
        method: req.method ?? "GET",
        segments: rest.slice(API_PREFIX.length),
        body,
        req,
        res,
        now,
      });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      sendRefusal(res, error.refusal);
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (hostId) => `http://127.0.0.1:${port}/hosts/${encodeURIComponent(hostId)}`,
    host(hostId) {
      const host = hosts.get(hostId);
      if (!host) throw new Error(`The emulator has no host ${hostId}`);
      host.advanceTo(clock.now());
      return host;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new Refused(refusals.invalidParameter);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Refused(refusals.invalidParameter);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch {
    throw new Refused(refusals.invalidParameter);
  }
}
