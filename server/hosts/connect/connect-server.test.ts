import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, customApps, hostOperations, hosts } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type HostsEmulator, startHostsEmulator } from "@/hosts-emulator/emulator";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";

const database = setUpTestDatabase();
const db = () => database.handle.db;
const PASSWORD = "Harbour-Lantern-Admin-7";
let emulator: HostsEmulator;
let htmlSite: Server;
let teamId: string;
let api: Awaited<ReturnType<typeof callerForEmail>>;

const server = (overrides: Record<string, string> = {}) => ({
  teamId,
  name: "Office Server",
  adminApiUrl: emulator.url("office"),
  adminUser: "fmsadmin",
  adminPassword: PASSWORD,
  ...overrides,
});

const hostsNamed = (name: string) =>
  db()
    .select()
    .from(hosts)
    .where(and(eq(hosts.teamId, teamId), eq(hosts.name, name)));

beforeAll(async () => {
  emulator = await startHostsEmulator({
    hosts: [
      {
        id: "office",
        adminUser: "fmsadmin",
        adminPassword: PASSWORD,
        version: "21.1.4.400",
        databases: [
          { filename: "Orders.fmp12", sizeBytes: 12_000_000 },
          { filename: "Stock.fmp12", sizeBytes: 3_000_000, status: "CLOSED" },
        ],
      },
    ],
  });
  htmlSite = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Welcome</title><h1>Our shop</h1>");
  });
  await new Promise<void>((resolve) => htmlSite.listen(0, "127.0.0.1", resolve));
  teamId = await demoTeamId(db(), "Acme Corp");
  api = await callerForEmail(db(), "manager@acme.example");
});
afterAll(async () => {
  await emulator.close();
  await new Promise((resolve) => htmlSite.close(resolve));
});

describe("connecting a FileMaker Server", () => {
  it("tells the manager the server's version when the details are right, and saves nothing", async () => {
    expect(await api.hosts.testConnection(server())).toEqual({ version: "21.1.4.400", running: true });
    expect(await hostsNamed("Office Server")).toEqual([]);
  });

  it("refuses a wrong password naming the account, and saves nothing", async () => {
    const wrong = server({ adminPassword: "not-the-password" });
    await expect(api.hosts.testConnection(wrong)).rejects.toThrow(
      'The server refused the admin account "fmsadmin" or its password.',
    );
    await expect(api.hosts.connectServer(wrong)).rejects.toThrow(/refused the admin account "fmsadmin"/);
    expect(await hostsNamed("Office Server")).toEqual([]);
  });

  it("refuses an address that answers with a web page as not an Admin API", async () => {
    const { port } = htmlSite.address() as AddressInfo;
    await expect(api.hosts.connectServer(server({ adminApiUrl: `http://127.0.0.1:${port}/` }))).rejects.toThrow(
      /does not answer as a FileMaker Admin API/,
    );
    expect(await hostsNamed("Office Server")).toEqual([]);
  });

  it("refuses a server that does not answer", async () => {
    // Nothing listens on the discard port.
    await expect(api.hosts.testConnection(server({ adminApiUrl: "http://127.0.0.1:9/" }))).rejects.toThrow(
      /did not answer/,
    );
  });

  it("outside a demo, refuses plain http and private network addresses before reaching out", async () => {
    vi.stubEnv("CONSOLE_ENV", "production");
    try {
      await expect(api.hosts.testConnection(server())).rejects.toThrow(
        /may not reach .*: it must be a public https:\/\/ address/,
      );
      await expect(api.hosts.testConnection(server({ adminApiUrl: "https://10.1.2.3/" }))).rejects.toThrow(
        /may not reach https:\/\/10\.1\.2\.3\//,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("saves the host with its password encrypted, audits it without the password and lists its databases at once", async () => {
    const { id } = await api.hosts.connectServer(server());
    const [row] = await db().select().from(hosts).where(eq(hosts.id, id));
    expect(row).toMatchObject({
      kind: "self_hosted",
      hostname: "127.0.0.1",
      filemakerVersion: "21.1.4.400",
      status: "running",
      region: null,
      computeSize: null,
      adminUser: "fmsadmin",
    });
    expect(row!.adminPasswordEncrypted).not.toContain(PASSWORD);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "host.connected"), eq(auditEvents.targetId, id)));
    expect(event).toBeDefined();
    expect(JSON.stringify(event)).not.toContain(PASSWORD);
    const apps = await db().select().from(customApps).where(eq(customApps.hostId, id)).orderBy(customApps.name);
    expect(apps.map((app) => [app.name, app.status])).toEqual([
      ["Orders", "open"],
      ["Stock", "closed"],
    ]);
    const details = await api.hosts.get({ teamId, hostId: id });
    expect(JSON.stringify(details)).not.toContain("adminPassword");
    expect(details.adminApiUrl).toBe(emulator.url("office"));

    await expect(api.hosts.connectServer(server({ name: "office server" }))).rejects.toThrow(
      'A host named "office server" already exists in this team.',
    );
    await expect(api.hosts.connectServer(server({ name: "Second Office" }))).rejects.toThrow(
      /is already connected to this team/,
    );
  });

  it("removes a connected server, but not while an operation runs on it, and never a cloud host", async () => {
    const [office] = await hostsNamed("Office Server");
    const [operation] = await db()
      .insert(hostOperations)
      .values({ teamId, hostId: office!.id, kind: "back_up_now", parameters: {}, status: "running" })
      .returning({ id: hostOperations.id });
    await expect(api.hosts.removeServer({ teamId, hostId: office!.id })).rejects.toThrow(/operation under way/);
    await db().delete(hostOperations).where(eq(hostOperations.id, operation!.id));

    await api.hosts.removeServer({ teamId, hostId: office!.id });
    expect(await hostsNamed("Office Server")).toEqual([]);
    expect(await db().select().from(customApps).where(eq(customApps.hostId, office!.id))).toEqual([]);
    const [removed] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "host.removed"), eq(auditEvents.targetId, office!.id)));
    expect(removed).toBeDefined();

    const [cloud] = await hostsNamed("Acme Production");
    await expect(api.hosts.removeServer({ teamId, hostId: cloud!.id })).rejects.toThrow(/FileMaker Cloud host/);
  });

  it("is refused to members and to Claris Connect teams", async () => {
    const member = await callerForEmail(db(), "member@acme.example");
    await expect(member.hosts.testConnection(server())).rejects.toThrow(/connect a FileMaker Server/);
    const connectTeam = await demoTeamId(db(), "Acme Connect");
    const owner = await callerForEmail(db(), "owner@acme.example");
    await expect(owner.hosts.connectServer({ ...server(), teamId: connectTeam })).rejects.toThrow();
  });
});
