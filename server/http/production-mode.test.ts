import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { proxy } from "@/proxy";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { noRequest } from "../actor";
import { beginSignIn } from "../auth/begin-sign-in";
import { handlers } from "../auth/next-auth";
import { systemClock } from "../clock";

/**
 * What CONSOLE_ENV=production promises on the wire: HSTS on every response and cookies that
 * travel only over HTTPS. The middleware and the Auth.js route are called as Next calls them.
 */
const database = setUpTestDatabase();
const ORIGIN = "https://console.example.com";

beforeAll(() => {
  // The process's one database, as server/database.ts holds it, is this test's database.
  (globalThis as { customerConsoleDatabase?: Promise<DatabaseHandle> }).customerConsoleDatabase = Promise.resolve(
    database.handle,
  );
});

const consoleEnv = process.env.CONSOLE_ENV;
afterEach(() => {
  if (consoleEnv === undefined) delete process.env.CONSOLE_ENV;
  else process.env.CONSOLE_ENV = consoleEnv;
});

function inMode(mode: "production" | "development") {
  if (mode === "production") process.env.CONSOLE_ENV = "production";
  else delete process.env.CONSOLE_ENV;
}

/** Set-Cookie lines by cookie name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line]));
}

/** Signs the demo manager in through the Auth.js route: the CSRF token, then the credentials callback. */
async function signInOverHttp(): Promise<{ csrf: Response; callback: Response }> {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.clone().json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const started = await beginSignIn(
    database.handle.db,
    { clock: systemClock, request: noRequest },
    { email: "manager@acme.example", password: DEMO_PASSWORD },
  );
  if (started.status !== "challenge" || started.secondStep)
    throw new Error(`sign-in did not start: ${JSON.stringify(started)}`);
  const callback = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: ORIGIN },
      body: new URLSearchParams({ csrfToken, challenge: started.challengeToken, callbackUrl: `${ORIGIN}/` }),
    }),
  );
  return { csrf, callback };
}

describe("with CONSOLE_ENV=production", () => {
  it("every response tells browsers to use HTTPS only (HSTS) and to upgrade insecure requests", () => {
    inMode("production");
    for (const path of ["/sign-in", "/teams/00000000-0000-4000-8000-000000000000/home", "/api/trpc/auth.session"]) {
      const response = proxy(new NextRequest(`${ORIGIN}${path}`));
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    }
  });

  it("the session and CSRF cookies are Secure, with the __Secure- and __Host- prefixes", async () => {
    inMode("production");
    const { csrf, callback } = await signInOverHttp();
    expect(callback.status).toBe(302);
    const csrfCookie = cookiesOf(csrf).get("__Host-authjs.csrf-token");
    expect(csrfCookie).toMatch(/; Secure(;|$)/);
    expect(csrfCookie).toMatch(/; HttpOnly(;|$)/);
    const session = cookiesOf(callback).get("__Secure-authjs.session-token");
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure(;|$)/);
    expect(session).toMatch(/; HttpOnly(;|$)/);
    expect(session).toMatch(/; SameSite=Lax(;|$)/i);
    // No cookie of the console goes out without Secure.
    for (const line of [...cookiesOf(csrf).values(), ...cookiesOf(callback).values()])
      expect(line).toMatch(/; Secure(;|$)/);
  });
});

describe("without it (a developer's or the demo's plain-HTTP console)", () => {
  it("sends no HSTS, which would lock a browser out of http://localhost", () => {
    inMode("development");
    const response = proxy(new NextRequest("http://localhost:3000/sign-in"));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("uses cookies without the Secure flag, so sign-in works over HTTP", async () => {
    inMode("development");
    const { csrf, callback } = await signInOverHttp();
    expect(callback.status).toBe(302);
    expect(cookiesOf(csrf).get("authjs.csrf-token")).not.toMatch(/Secure/);
    expect(cookiesOf(callback).get("authjs.session-token")).not.toMatch(/Secure/);
  });
});
