import http from "node:http";
import type { DnsPeer } from "../sso-peers/dns-server";

/**
 * The journeys' DNS server runs beside the console they test (e2e/serve.ts starts both), so
 * journeys in parallel workers share it; they publish records through this small HTTP door.
 */
export const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 3253);
const CONTROL_PORT = DNS_PORT + 1;

/** Started by e2e/serve.ts: PUT /txt?name=… with a JSON list of values publishes them. */
export function serveDnsControl(dns: DnsPeer): http.Server {
  return http
    .createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const name = url.searchParams.get("name");
        if (request.method !== "PUT" || url.pathname !== "/txt" || !name) {
          response.writeHead(404).end();
          return;
        }
        dns.setTxt(name, JSON.parse(body) as string[]);
        response.writeHead(204).end();
      });
    })
    .listen(CONTROL_PORT, "127.0.0.1");
}

/** Publishes TXT values on the journeys' DNS server. */
export async function publishTxt(name: string, values: string[]): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${CONTROL_PORT}/txt?name=${encodeURIComponent(name)}`, {
    method: "PUT",
    body: JSON.stringify(values),
  });
  if (response.status !== 204) throw new Error(`the journeys' DNS server refused the record (${response.status})`);
}
