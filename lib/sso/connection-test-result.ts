/** What Test connection found, for the manager: facts when it worked, the exact problem when not. */
export type ConnectionTestResult =
  | {
      ok: true;
      facts: Array<{ name: "issuer" | "entityId" | "authorizationEndpoint" | "ssoUrl" | "keys"; value: string }>;
    }
  | { ok: false; problem: string; detail: string };
