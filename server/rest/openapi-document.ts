/**
 * The OpenAPI 3.1 description of the REST Admin API, served at /api/v1/openapi.json and
 * rendered at /api/docs.
 */
export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Customer Console Admin API",
      version: "1.0.0",
      description: "Manage a team's users, invitations, groups and hosts from your own tools.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Users", description: "The team's users: their role, licence and status." },
      { name: "Invitations", description: "Invite people by email; an invitation is used once and expires." },
      { name: "Groups", description: "Named sets of users that custom apps are shared with." },
      { name: "Hosts", description: "The team's FileMaker Cloud servers." },
      { name: "Subscription", description: "The team's plan, seats and add-ons." },
      { name: "Audit events", description: "Every change made in the team, newest first." },
    ],
    paths: {
      "/users": {
        get: {
          operationId: "listUsers",
          summary: "List users",
          description:
            "The team's users, sorted by email. Pass `cursor` from the previous page's `nextCursor` to read on.",
          tags: ["Users"],
          "x-permission": "members.read",
          parameters: [
            { $ref: "#/components/parameters/Cursor" },
            { $ref: "#/components/parameters/Limit" },
            {
              name: "status",
              in: "query",
              required: false,
              description: "Only users with this status.",
              schema: { type: "string", enum: ["invited", "active", "deactivated"] },
            },
            {
              name: "q",
              in: "query",
              required: false,
              description: "Only users whose email or name contains this text.",
              schema: { type: "string", maxLength: 200 },
            },
          ],
          responses: {
            "200": {
              description: "A page of users.",
              headers: { "RateLimit-Remaining": { $ref: "#/components/headers/RateLimitRemaining" } },
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["items", "nextCursor"],
                    properties: {
                      items: { type: "array", items: { $ref: "#/components/schemas/User" } },
                      nextCursor: {
                        type: ["string", "null"],
                        description: "Where the next page starts; null on the last page.",
                      },
                    },
                  },
                },
              },
            },
            "401": { $ref: "#/components/responses/Problem" },
            "403": { $ref: "#/components/responses/Problem" },
            "429": { $ref: "#/components/responses/TooManyRequests" },
          },
        },
      },
      "/users/{userId}": {
        parameters: [{ $ref: "#/components/parameters/UserId" }],
        get: {
          operationId: "getUser",
          summary: "Get a user",
          tags: ["Users"],
          "x-permission": "members.read",
          responses: {
            "200": {
              description: "The user.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } },
            },
            "404": { $ref: "#/components/responses/Problem" },
          },
        },
        delete: {
          operationId: "removeUser",
          summary: "Remove a user from the team",
          description: "The account keeps existing; it loses its membership, licence and groups in this team.",
          tags: ["Users"],
          "x-permission": "members.update",
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          responses: {
            "204": { description: "The user was removed." },
            "404": { $ref: "#/components/responses/Problem" },
            "409": {
              description: "The team's owner cannot be removed; transfer the ownership first.",
              content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
            },
          },
        },
      },
      "/invitations": {
        post: {
          operationId: "inviteUsers",
          summary: "Invite users",
          description: "Mails each address an invitation that grants the role, licence and groups given.",
          tags: ["Invitations"],
          "x-permission": "members.invite",
          parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["emails", "role"],
                  properties: {
                    emails: {
                      type: "array",
                      items: { type: "string", format: "email" },
                      minItems: 1,
                      maxItems: 100,
                      examples: [["ada@example.com"]],
                    },
                    role: { $ref: "#/components/schemas/Role" },
                    licensed: { type: "boolean", default: true },
                    groupIds: { type: "array", items: { type: "string", format: "uuid" } },
                    message: {
                      type: ["string", "null"],
                      maxLength: 1000,
                      description: "A note shown in the invitation mail.",
                    },
                  },
                },
              },
            },
          },
          responses: {
            "201": {
              description: "The invitations that were sent.",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Invitation" } },
                },
              },
            },
            "400": { $ref: "#/components/responses/Problem" },
            "409": { $ref: "#/components/responses/Problem" },
          },
        },
      },
      "/groups": {
        get: {
          operationId: "listGroups",
          summary: "List groups",
          tags: ["Groups"],
          "x-permission": "groups.read",
          parameters: [{ $ref: "#/components/parameters/Cursor" }, { $ref: "#/components/parameters/Limit" }],
          responses: {
            "200": {
              description: "A page of groups.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["items", "nextCursor"],
                    properties: {
                      items: { type: "array", items: { $ref: "#/components/schemas/Group" } },
                      nextCursor: { type: ["string", "null"] },
                    },
                  },
                },
              },
            },
          },
        },
      },
      "/hosts/{hostId}": {
        get: {
          operationId: "getHost",
          summary: "Get a host",
          tags: ["Hosts"],
          "x-permission": "hosts.read",
          parameters: [
            {
              name: "hostId",
              in: "path",
              required: true,
              schema: { type: "string", format: "uuid" },
              example: "3f2c9a1e-58b4-4d0e-9c1a-7b6e5d4c3b2a",
            },
          ],
          responses: {
            "200": {
              description: "The host.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Host" } } },
            },
            "404": { $ref: "#/components/responses/Problem" },
          },
        },
      },
      "/subscription": {
        get: {
          operationId: "getSubscription",
          summary: "Get the subscription",
          tags: ["Subscription"],
          "x-permission": "subscription.read",
          responses: {
            "200": {
              description: "The team's subscription.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Subscription" } } },
            },
          },
        },
      },
      "/audit-events": {
        get: {
          operationId: "listAuditEvents",
          summary: "List audit events",
          tags: ["Audit events"],
          "x-permission": "audit.read",
          parameters: [
            { $ref: "#/components/parameters/Cursor" },
            { $ref: "#/components/parameters/Limit" },
            {
              name: "since",
              in: "query",
              description: "Only events at or after this time.",
              schema: { type: "string", format: "date-time" },
            },
          ],
          responses: {
            "200": {
              description: "A page of audit events.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["items", "nextCursor"],
                    properties: {
                      items: { type: "array", items: { $ref: "#/components/schemas/AuditEvent" } },
                      nextCursor: { type: ["string", "null"] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key made under Settings → API keys.",
        },
      },
      parameters: {
        Cursor: {
          name: "cursor",
          in: "query",
          required: false,
          description: "The `nextCursor` of the previous page.",
          schema: { type: "string" },
        },
        Limit: {
          name: "limit",
          in: "query",
          required: false,
          description: "How many items a page holds.",
          schema: { type: "integer", minimum: 1, maximum: 100, default: 50 },
        },
        UserId: {
          name: "userId",
          in: "path",
          required: true,
          description: "The user's id.",
          schema: { type: "string", format: "uuid" },
        },
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "A unique key; a retry with the same key returns the first answer instead of acting twice.",
          schema: { type: "string", maxLength: 255 },
        },
      },
      headers: {
        RateLimitRemaining: {
          description: "Calls left in the current window.",
          schema: { type: "integer" },
        },
      },
      responses: {
        Problem: {
          description: "The call was refused; the body says why.",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
        TooManyRequests: {
          description: "Too many calls; wait the seconds Retry-After names.",
          headers: {
            "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
          },
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
      schemas: {
        Role: { type: "string", enum: ["owner", "manager", "member"], description: "What the user may do." },
        User: {
          type: "object",
          required: ["id", "email", "role", "licensed", "status", "groups", "manager"],
          properties: {
            id: { type: "string", format: "uuid", readOnly: true },
            email: { type: "string", format: "email" },
            name: { type: ["string", "null"] },
            role: { $ref: "#/components/schemas/Role" },
            licensed: { type: "boolean", description: "Whether the user holds a seat." },
            status: { type: "string", enum: ["invited", "active", "deactivated"] },
            groups: { type: "array", items: { $ref: "#/components/schemas/GroupSummary" } },
            manager: {
              description: "Who manages the account: this team's identity provider, or nobody.",
              oneOf: [{ $ref: "#/components/schemas/IdentityProviderSummary" }, { type: "null" }],
            },
            lastSignInAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        GroupSummary: {
          type: "object",
          required: ["id", "name"],
          properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } },
        },
        Group: {
          type: "object",
          required: ["id", "name", "memberCount"],
          properties: {
            id: { type: "string", format: "uuid" },
            name: { type: "string" },
            memberCount: { type: "integer", minimum: 0 },
            parent: {
              description: "The group this one is nested in.",
              oneOf: [{ $ref: "#/components/schemas/Group" }, { type: "null" }],
            },
          },
        },
        IdentityProviderSummary: {
          type: "object",
          required: ["id", "kind"],
          properties: {
            id: { type: "string", format: "uuid" },
            kind: { type: "string", enum: ["oidc", "saml"] },
          },
        },
        Invitation: {
          type: "object",
          required: ["id", "email", "role", "expiresAt"],
          properties: {
            id: { type: "string", format: "uuid" },
            email: { type: "string", format: "email" },
            role: { $ref: "#/components/schemas/Role" },
            expiresAt: { type: "string", format: "date-time" },
          },
        },
        Host: {
          type: "object",
          required: ["id", "name", "hostname", "status", "region"],
          properties: {
            id: { type: "string", format: "uuid" },
            name: { type: "string" },
            hostname: { type: "string", format: "hostname" },
            region: { type: "string", examples: ["eu-west-1"] },
            status: { type: "string", enum: ["provisioning", "running", "stopped", "restarting"] },
            version: { type: ["string", "null"], description: "The FileMaker Server version." },
            storage: {
              type: "object",
              required: ["usedGb", "totalGb"],
              properties: { usedGb: { type: "number" }, totalGb: { type: "number" } },
            },
          },
        },
        Subscription: {
          type: "object",
          required: ["plan", "billingPeriod", "seats", "addOns"],
          properties: {
            plan: { type: "string" },
            billingPeriod: { type: "string", enum: ["monthly", "annual"] },
            seats: { type: "integer", minimum: 1 },
            addOns: {
              type: "array",
              items: {
                type: "object",
                required: ["kind", "quantity"],
                properties: {
                  kind: { type: "string", enum: ["storage_gb", "data_transfer_gb"] },
                  quantity: { type: "integer", minimum: 1 },
                },
              },
            },
            cancelAtPeriodEnd: { type: "boolean" },
            currentPeriodEnd: { type: "string", format: "date-time" },
          },
        },
        AuditEvent: {
          type: "object",
          required: ["id", "type", "occurredAt", "actor"],
          properties: {
            id: { type: "string", format: "uuid" },
            type: { type: "string", examples: ["member.invited"] },
            occurredAt: { type: "string", format: "date-time" },
            actor: { type: "string", description: "Who acted: an account's email, or api_key:<prefix>." },
            details: { type: "object", additionalProperties: true },
          },
        },
        Problem: {
          type: "object",
          description: "An RFC 9457 problem.",
          required: ["type", "title", "status", "code", "requestId"],
          properties: {
            type: { type: "string", format: "uri" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string", description: "A stable code to branch on.", examples: ["SEAT_LIMIT"] },
            requestId: { type: "string", description: "Quote it when you report a problem." },
          },
        },
      },
    },
  };
}
