import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Adapter, type AdapterPayload, type ClientMetadata } from "oidc-provider";

/**
 * A real OpenID Connect provider (oidc-provider) for the tests and the demo: authorization code
 * with PKCE, signed ID tokens, JWKS, userinfo. People sign in on its own plain login page; consent
 * is implied, as a company's provider does for its own apps.
 */

export interface OidcPeerPerson {
  subject: string;
  email: string;
  name: string;
  password: string;
  groups: string[];
}

export interface OidcPeerClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface OidcPeer {
  /** `http://localhost:<port>`. */
  issuer: string;
  setGroups(email: string, groups: string[]): void;
  addPerson(person: OidcPeerPerson): void;
  addClient(client: OidcPeerClient): void;
  close(): Promise<void>;
}

export const OIDC_PEER_NAME = "Demo identity provider";

/** Port 0 picks a free port; the issuer names the one it got. */
export async function startOidcPeer(options: {
  port: number;
  host?: "127.0.0.1";
  clients: OidcPeerClient[];
  people: OidcPeerPerson[];
}): Promise<OidcPeer> {
  const people = new Map(options.people.map((person) => [person.email.toLowerCase(), { ...person }]));
  const bySubject = (subject: string) => [...people.values()].find((person) => person.subject === subject);
  const store = new Map<string, StoredPayload>();
  const Adapter = memoryAdapter(store);
  const addClient = (client: OidcPeerClient) =>
    store.set(`Client:${client.clientId}`, { payload: clientMetadata(client), expiresAt: Number.POSITIVE_INFINITY });
  options.clients.forEach(addClient);

  let provider: Provider | undefined;
  const server = http.createServer((req, res) => {
    const interaction = req.url?.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (interaction && provider) {
      const login = req.method === "POST" && interaction[2] === "/login";
      (login ? signIn(provider, req, res) : showLoginPage(provider, req, res)).catch((error: Error) => {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(error.message);
      });
      return;
    }
    provider?.callback()(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    adapter: Adapter,
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    // Without this the ID token carries only `sub`; clients read the person from it.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, subject) {
      const person = bySubject(subject);
      if (!person) return undefined;
      return {
        accountId: subject,
        claims: () => ({
          sub: subject,
          email: person.email,
          email_verified: true,
          name: person.name,
          groups: person.groups,
        }),
      };
    },
    async loadExistingGrant(ctx) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  async function signIn(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const email = (form.get("email") ?? "").trim();
    const person = people.get(email.toLowerCase());
    if (!person || person.password !== form.get("password")) {
      await provider.interactionDetails(req, res);
      sendPage(res, 401, loginPage(req.url!.replace(/\/login$/, ""), email, "Wrong email or password."));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.subject } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    setGroups(email, groups) {
      const person = people.get(email.toLowerCase());
      if (!person) throw new Error(`${email} is not a person of this provider`);
      person.groups = [...groups];
    },
    addPerson(person) {
      people.set(person.email.toLowerCase(), { ...person });
    },
    addClient,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function showLoginPage(provider: Provider, req: http.IncomingMessage, res: http.ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  sendPage(res, 200, loginPage(`/interaction/${details.uid}`, "", null));
}

function loginPage(action: string, email: string, problem: string | null): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sign in · ${OIDC_PEER_NAME}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; line-height: 1.5">
<h1>${OIDC_PEER_NAME}</h1>
${problem ? `<p role="alert" style="color: #b00020">${escapeHtml(problem)}</p>` : ""}
<form method="post" action="${escapeHtml(action)}/login" style="display: grid; gap: 0.5rem">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</body>
</html>`;
}

function sendPage(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("The form is too large.");
  }
  return body;
}

function clientMetadata(client: OidcPeerClient): AdapterPayload & ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  };
}

/** A fresh signing key per start: a restarted peer has rotated its keys, as real providers do. */
function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
}

interface StoredPayload {
  payload: AdapterPayload;
  expiresAt: number;
}

/** oidc-provider's codes, sessions and grants, kept per peer (its built-in store is shared by the whole process). */
function memoryAdapter(store: Map<string, StoredPayload>) {
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      store.set(this.key(id), {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
      });
    }

    async find(id: string) {
      const stored = store.get(this.key(id));
      return stored && stored.expiresAt > Date.now() ? stored.payload : undefined;
    }

    async findByUid(uid: string) {
      for (const [key, stored] of store)
        if (key.startsWith(`${this.model}:`) && stored.payload.uid === uid)
          return this.find(key.slice(this.model.length + 1));
      return undefined;
    }

    /** The peer offers no device flow, so there are no user codes. */
    async findByUserCode() {
      return undefined;
    }

    async consume(id: string) {
      const stored = store.get(this.key(id));
      if (stored) stored.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string) {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string) {
      for (const [key, stored] of store) if (stored.payload.grantId === grantId) store.delete(key);
    }
  };
}
