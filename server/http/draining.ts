/**
 * Whether this server is shutting down: it answers what it has, but /readyz says it accepts no
 * more, so the load balancer stops sending new requests. Kept on globalThis because the HTTP
 * server and Next's bundle load their own copies of this module.
 */
const holder = globalThis as typeof globalThis & { customerConsoleDraining?: boolean };

export function startDraining(): void {
  holder.customerConsoleDraining = true;
}

export function isDraining(): boolean {
  return holder.customerConsoleDraining === true;
}
