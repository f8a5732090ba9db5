/**
 * Whether this server is shutting down: set on SIGTERM, read by the HTTP server (answers close
 * their connection) and by /readyz (a load balancer stops sending new requests). Kept on
 * globalThis, since start.ts and Next's bundle load their own copies of this module.
 */
const state = globalThis as typeof globalThis & { customerConsoleDraining?: boolean };

export function startDraining(): void {
  state.customerConsoleDraining = true;
}

export function isDraining(): boolean {
  return state.customerConsoleDraining === true;
}
