/**
 * A full password sign-in over HTTP, as a browser makes it: the password step through the
 * API, then Auth.js's credentials callback with the challenge (and a code when the account
 * has two-step verification). Returns the Cookie header of the new session.
 */
export async function signInOverHttp(
  base: string,
  credentials: { email: string; password: string; code?: () => string },
): Promise<string> {
  const json = { "content-type": "application/json", origin: base };
  const begun = await fetch(`${base}/api/trpc/auth.beginSignIn`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({ json: { email: credentials.email, password: credentials.password } }),
  });
  if (!begun.ok) throw new Error(`password step: ${begun.status} ${await begun.text()}`);
  const started = (await begun.json()).result.data.json as { challengeToken: string; secondStep: boolean };
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const form = new URLSearchParams({ csrfToken, challenge: started.challengeToken });
  if (started.secondStep) {
    if (!credentials.code) throw new Error(`${credentials.email} has two-step verification: pass its code`);
    form.set("code", credentials.code());
  }
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: csrfCookie },
    body: form,
  });
  const session = callback.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`second step: ${callback.status}, no session cookie`);
  return session;
}
