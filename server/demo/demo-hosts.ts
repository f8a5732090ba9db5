import type { EmulatedHostSeed } from "@/hosts-emulator/emulated-host";

/**
 * The demo's FileMaker servers: `npm start` serves them from the hosts emulator on a loopback
 * port, and the demo seed points the demo teams' hosts at them. Published values, like the
 * demo passwords. The journey teams' hosts hold no databases, so the journeys that count their
 * custom apps and audit events see only what the journeys themselves do.
 */
export const DEMO_HOST_ADMIN_USER = "admin";

export const DEMO_HOSTS = {
  acmeProduction: {
    id: "acme-production",
    adminUser: DEMO_HOST_ADMIN_USER,
    adminPassword: "demo-acme-production",
    version: "22.0.2.204",
    databases: [
      { filename: "Invoices.fmp12", sizeBytes: 812_000_000 },
      { filename: "Inventory.fmp12", sizeBytes: 1_450_000_000 },
      { filename: "Customer CRM.fmp12", sizeBytes: 2_300_000_000 },
      { filename: "Timesheets.fmp12", sizeBytes: 96_000_000, status: "PAUSED" },
    ],
    clients: [
      { filename: "Invoices.fmp12", userName: "Dana Scully" },
      { filename: "Customer CRM.fmp12", userName: "Fox Mulder" },
      { filename: "Inventory.fmp12", userName: "Walter Skinner" },
    ],
  },
  acmeStaging: {
    id: "acme-staging",
    adminUser: DEMO_HOST_ADMIN_USER,
    adminPassword: "demo-acme-staging",
    version: "22.0.2.204",
    running: false,
    databases: [{ filename: "Inventory Test.fmp12", sizeBytes: 640_000_000, encryptionKey: "demo-encryption-key" }],
  },
  northwindProduction: {
    id: "northwind-production",
    adminUser: DEMO_HOST_ADMIN_USER,
    adminPassword: "demo-northwind-production",
    databases: [],
  },
  northwindStaging: {
    id: "northwind-staging",
    adminUser: DEMO_HOST_ADMIN_USER,
    adminPassword: "demo-northwind-staging",
    running: false,
    databases: [],
  },
  initechProduction: {
    id: "initech-production",
    adminUser: DEMO_HOST_ADMIN_USER,
    adminPassword: "demo-initech-production",
    databases: [],
  },
} satisfies Record<string, EmulatedHostSeed>;

export type DemoHost = (typeof DEMO_HOSTS)[keyof typeof DEMO_HOSTS];

/** Where the demo's hosts emulator listens: DEMO_HOSTS_PORT, or two ports after the console's. */
export function demoHostsPort(consolePort: number): number {
  return Number(process.env.DEMO_HOSTS_PORT ?? consolePort + 2);
}

/** The Admin API base URL of a demo host, as the seed stores it. */
export function demoHostUrl(consolePort: number, host: DemoHost): string {
  return `http://127.0.0.1:${demoHostsPort(consolePort)}/hosts/${host.id}`;
}
