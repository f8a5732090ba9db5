import "server-only";
import { createHash } from "node:crypto";
import {
  allowInsecureRequests,
  ClientSecretBasic,
  ClientSecretPost,
  Configuration,
  customFetch,
  type ServerMetadata,
} from "openid-client";
import { discoverProvider } from "./discovery";
import { fetchFromProvider, PROVIDER_TIMEOUT_SECONDS } from "./provider-fetch";

/**
 * Discovery is cached for a few minutes, not for good: a provider may move endpoints or rotate
 * keys, and the library's key cache lives in the configuration.
 */
const CACHE_LIFETIME_MS = 5 * 60 * 1000;

const cache = new Map<string, { configuration: Promise<Configuration>; expiresAt: number }>();

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The openid-client configuration for one provider's client, from its discovery document. */
export function oidcClientConfiguration(settings: OidcClientSettings, now = Date.now()): Promise<Configuration> {
  for (const [key, entry] of cache) if (entry.expiresAt <= now) cache.delete(key);
  // A changed secret must take effect at once, so it is part of the key (as a hash only).
  const key = [
    settings.issuer,
    settings.clientId,
    createHash("sha256").update(settings.clientSecret).digest("hex"),
  ].join("\n");
  const cached = cache.get(key);
  if (cached) return cached.configuration;
  const configuration = configure(settings);
  cache.set(key, { configuration, expiresAt: now + CACHE_LIFETIME_MS });
  configuration.catch(() => cache.delete(key));
  return configuration;
}

async function configure({ issuer, clientId, clientSecret }: OidcClientSettings): Promise<Configuration> {
  const document = await discoverProvider(issuer);
  // client_secret_basic is the default every provider must offer unless it lists otherwise.
  const basic = document.token_endpoint_auth_methods_supported?.includes("client_secret_basic") ?? true;
  const configuration = new Configuration(
    document as ServerMetadata,
    clientId,
    clientSecret,
    basic ? ClientSecretBasic(clientSecret) : ClientSecretPost(clientSecret),
  );
  // The library hands over fetch options typed more broadly than RequestInit, though they are the same.
  configuration[customFetch] = (url, options) => fetchFromProvider(url, options as RequestInit);
  configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
  // checkOutboundUrl let plain http through only where it is allowed (a demo's loopback provider).
  if (new URL(issuer).protocol === "http:") allowInsecureRequests(configuration);
  return configuration;
}
