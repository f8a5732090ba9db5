import { expect } from "vitest";

/**
 * Signs in on the OpenID Connect peer's login page with plain fetch, as a browser would, and
 * returns where the provider sends the browser back to (the console's redirect URI with the
 * code), or the page it stopped at.
 */
export async function signInAtOidcPeer(authorizationUrl: URL, credentials: { email: string; password: string }) {
  const browser = browserAt(authorizationUrl.origin);
  const loginPage = await browser.follow(authorizationUrl);
  const action = loginPage.body.match(/<form method="post" action="([^"]+)"/)?.[1];
  expect(action, "the provider shows its login form").toBeDefined();
  const form = new URLSearchParams({ email: credentials.email, password: credentials.password });
  return browser.follow(new URL(action!, authorizationUrl), form);
}

/** Plain fetch as a browser: keeps the provider's cookies and follows its redirects until the answer leaves for the console. */
function browserAt(origin: string) {
  const cookies = new Map<string, string>();
  async function visit(url: URL, form?: URLSearchParams) {
    const response = await fetch(url, {
      method: form ? "POST" : "GET",
      body: form,
      redirect: "manual",
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const split = pair.indexOf("=");
      cookies.set(pair.slice(0, split), pair.slice(split + 1));
    }
    return response;
  }
  return {
    async follow(start: URL, form?: URLSearchParams) {
      let url = start;
      let response = await visit(url, form);
      for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
        url = new URL(response.headers.get("location")!, url);
        if (url.origin !== origin) break;
        response = await visit(url);
      }
      return { status: response.status, url, body: await response.text() };
    },
  };
}
