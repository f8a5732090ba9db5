/** `npm run hosts:emulator`: two demo hosts on a loopback port, for trying the console's host features by hand. */
import { startHostsEmulator } from "./emulator";

const demoHosts = [
  { id: "acme-production", adminUser: "admin", adminPassword: "demo-admin-password" },
  {
    id: "acme-staging",
    adminUser: "admin",
    adminPassword: "demo-staging-password",
    databases: [
      { filename: "Invoices.fmp12", sizeBytes: 380_000_000 },
      { filename: "Payroll.fmp12", sizeBytes: 74_000_000, status: "CLOSED" as const, encryptionKey: "demo-key" },
    ],
  },
];

const emulator = await startHostsEmulator({ port: Number(process.env.HOSTS_EMULATOR_PORT ?? 0), hosts: demoHosts });
for (const host of demoHosts) {
  console.log(`${host.id}: ${emulator.url(host.id)}  user ${host.adminUser}  password ${host.adminPassword}`);
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
