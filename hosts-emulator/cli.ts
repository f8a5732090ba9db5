/** `npm run hosts:emulator`: the demo's hosts on a loopback port, for trying the console's host features by hand. */
import { DEMO_HOSTS } from "../server/demo/demo-hosts";
import { startHostsEmulator } from "./emulator";

const demoHosts = Object.values(DEMO_HOSTS);
const emulator = await startHostsEmulator({ port: Number(process.env.HOSTS_EMULATOR_PORT ?? 0), hosts: demoHosts });
for (const host of demoHosts) {
  console.log(`${host.id}: ${emulator.url(host.id)}  user ${host.adminUser}  password ${host.adminPassword}`);
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
