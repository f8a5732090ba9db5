import dns2 from "dns2";

const { Packet } = dns2;

/** How the peer answers a name it was told to fail for: SERVFAIL, or no answer at all. */
export type DnsFailure = "servfail" | "timeout";

export interface DnsPeer {
  /** The UDP port it listens on (useful with port 0). */
  port: number;
  /** Publishes these TXT values for a name; an empty list makes the name exist with no TXT (NODATA). */
  setTxt(name: string, values: string[]): void;
  /** Forgets the name: queries for it get NXDOMAIN. */
  remove(name: string): void;
  /** Makes queries for the name fail the way a broken or unreachable resolver does. */
  fail(name: string, failure: DnsFailure): void;
  close(): Promise<void>;
}

const nameKey = (name: string) => name.toLowerCase().replace(/\.$/, "");

/**
 * An authoritative DNS server on this machine for the tests and journeys: it answers TXT
 * queries over UDP from what it was told, NXDOMAIN for any name it does not know.
 */
export async function startDnsPeer({ port, host = "127.0.0.1" }: { port: number; host?: string }): Promise<DnsPeer> {
  const records = new Map<string, string[]>();
  const failures = new Map<string, DnsFailure>();
  const server = dns2.createUDPServer((request, send) => {
    const [question] = request.questions;
    if (!question) return;
    const name = nameKey(question.name);
    const failure = failures.get(name);
    if (failure === "timeout") return;
    if (failure === "servfail") {
      send(Packet.createErrorResponseFromRequest(request, Packet.RCODE.SERVFAIL));
      return;
    }
    const values = records.get(name);
    if (!values) {
      send(Packet.createErrorResponseFromRequest(request, Packet.RCODE.NXDOMAIN));
      return;
    }
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    if (question.type === Packet.TYPE.TXT) {
      for (const value of values) {
        response.answers.push(
          Packet.createResourceFromQuestion(question, { type: Packet.TYPE.TXT, ttl: 60, data: value }),
        );
      }
    }
    send(response);
  });
  // dns2's listen waits for "listening" only: a port in use would leave it waiting for ever.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host).then(() => {
      server.off("error", reject);
      resolve();
    }, reject);
  });
  return {
    port: server.address().port,
    setTxt(name, values) {
      failures.delete(nameKey(name));
      records.set(nameKey(name), values);
    },
    remove(name) {
      failures.delete(nameKey(name));
      records.delete(nameKey(name));
    },
    fail(name, failure) {
      failures.set(nameKey(name), failure);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
