import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_IDENTITY_PROVIDER_ID } from "../../demo/demo-sso";
import { callerForEmail } from "../../testing/callers";
import { demoTeamId } from "../../testing/demo";
import { ssoEndpoints } from "../sso-endpoints";
import { serviceProviderMetadataOf } from "./route-support";

const database = setUpTestDatabase();
const db = () => database.handle.db;
let samlProvider: string;

beforeAll(async () => {
  const manager = await callerForEmail(db(), "manager@acme.example");
  ({ id: samlProvider } = await manager.identityProviders.createSaml({
    teamId: await demoTeamId(db(), "Acme Corp"),
    name: "Acme ADFS",
    samlMetadataUrl: "https://adfs.acme.example/FederationMetadata.xml",
  }));
});

describe("the service provider metadata an identity provider downloads", () => {
  it("names the console's entity ID and assertion consumer service for a SAML provider, and nothing for others", async () => {
    const metadata = await serviceProviderMetadataOf(db(), samlProvider);
    const { acsUrl, spEntityId } = ssoEndpoints(samlProvider);
    expect(metadata).toContain(`entityID="${spEntityId}"`);
    expect(metadata).toContain(`Location="${acsUrl}"`);
    expect(await serviceProviderMetadataOf(db(), DEMO_IDENTITY_PROVIDER_ID)).toBeNull();
    expect(await serviceProviderMetadataOf(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
