import { ScimError } from "./scim-errors";
import { GROUP_SCHEMA } from "./scim-groups";
import { LIST_RESPONSE_SCHEMA, MAX_PAGE_SIZE, type ScimResource } from "./scim-list";
import { USER_SCHEMA } from "./scim-users";

/** What this server supports (RFC 7643 §5): PATCH and eq filters; no bulk, sorting, ETags or password changes. */
export function serviceProviderConfig(baseUrl: string): ScimResource {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://www.rfc-editor.org/rfc/rfc7644",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "The team's SCIM token (Settings → SCIM provisioning) in an Authorization: Bearer header.",
        specUri: "https://www.rfc-editor.org/rfc/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

function resourceType(baseUrl: string, name: "User" | "Group", schema: string): ScimResource {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: name,
    name,
    endpoint: `/${name}s`,
    description: name === "User" ? "A member of the team" : "A group of the team's members (FileMaker Cloud)",
    schema,
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${name}` },
  };
}

export function resourceTypes(baseUrl: string): ScimResource[] {
  return [resourceType(baseUrl, "User", USER_SCHEMA), resourceType(baseUrl, "Group", GROUP_SCHEMA)];
}

type Mutability = "readOnly" | "readWrite" | "immutable";

function attribute(
  name: string,
  options: {
    type?: string;
    mutability?: Mutability;
    required?: boolean;
    uniqueness?: string;
    multiValued?: boolean;
    subAttributes?: ScimResource[];
  } = {},
): ScimResource {
  return {
    name,
    type: options.type ?? "string",
    multiValued: options.multiValued ?? false,
    required: options.required ?? false,
    caseExact: false,
    mutability: options.mutability ?? "readWrite",
    returned: "default",
    uniqueness: options.uniqueness ?? "none",
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  };
}

/** The User and Group attributes this server keeps; others a directory sends are ignored. */
function schemaDefinitions(baseUrl: string): ScimResource[] {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
      id: USER_SCHEMA,
      name: "User",
      description: "A member of the team; userName is the Claris ID's email address.",
      attributes: [
        attribute("userName", { required: true, uniqueness: "server", mutability: "immutable" }),
        attribute("name", {
          type: "complex",
          subAttributes: [attribute("formatted"), attribute("givenName"), attribute("familyName")],
        }),
        attribute("displayName"),
        attribute("emails", {
          type: "complex",
          multiValued: true,
          mutability: "readOnly",
          subAttributes: [attribute("value"), attribute("type"), attribute("primary", { type: "boolean" })],
        }),
        attribute("active", { type: "boolean" }),
      ],
      meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
    },
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
      id: GROUP_SCHEMA,
      name: "Group",
      description: "A group of the team's members.",
      attributes: [
        attribute("displayName", { required: true, uniqueness: "server" }),
        attribute("members", {
          type: "complex",
          multiValued: true,
          subAttributes: [
            attribute("value", { mutability: "immutable" }),
            attribute("display", { mutability: "readOnly" }),
          ],
        }),
      ],
      meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${GROUP_SCHEMA}` },
    },
  ];
}

/** A discovery list (ResourceTypes, Schemas) or one of its entries by id. */
export function discoveryAnswer(kind: "ResourceTypes" | "Schemas", baseUrl: string, id: string | undefined) {
  const all = kind === "ResourceTypes" ? resourceTypes(baseUrl) : schemaDefinitions(baseUrl);
  if (id === undefined) {
    return {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: all.length,
      startIndex: 1,
      itemsPerPage: all.length,
      Resources: all,
    };
  }
  const found = all.find((entry) => entry.id === id);
  if (!found) throw new ScimError(404, `No ${kind === "ResourceTypes" ? "resource type" : "schema"} ${id}.`);
  return found;
}
