import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { accounts, staff, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { type Actor, anonymousActor } from "./actor";
import { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from "./errors";
import { appRouter } from "./routers/root";
import { accountActor, callOverHttp, contextFor } from "./testing/callers";
import { capturingLogger } from "./testing/capturing-logger";
import { refusal } from "./testing/refusal";
import { createCallerFactory, publicProcedure, router, staffProcedure } from "./trpc";

const database = setUpTestDatabase();

const testRouter = router({
  app: appRouter,
  crash: publicProcedure.query(() => {
    throw new Error("connect ECONNREFUSED postgres://console:hunter2@db.internal:5432/console");
  }),
  refuse: publicProcedure
    .input(z.object({ code: z.enum(Object.keys(DOMAIN_ERROR_CODES) as [DomainErrorCode, ...DomainErrorCode[]]) }))
    .query(({ input }) => {
      throw new DomainError(input.code, "supportSessionsAreReadOnly");
    }),
  inviteUser: publicProcedure
    .input(
      z.object({
        email: z.email(),
        seats: z.number().int().positive(),
        profile: z.object({ name: z.string().min(2) }),
      }),
    )
    .mutation(() => "invited"),
  staffOnly: staffProcedure.query(({ ctx }) => ({ role: ctx.staff.role })),
});
const createTestCaller = createCallerFactory(testRouter);
const http = (actor: Actor, call: Parameters<typeof callOverHttp>[2], requestId = "req-test-000001") =>
  callOverHttp(testRouter, contextFor(database.handle.db, actor, { requestId }), call);

describe("an unexpected error", () => {
  it("reaches the user as a generic message that quotes the request id", async () => {
    const { status, body } = await http(anonymousActor, { path: "crash", type: "query" }, "req-crash-123456");
    expect(status).toBe(500);
    expect(body.error?.message).toBe(
      "Something went wrong on our side. Quote request id req-crash-123456 when reporting it.",
    );
    expect(body.error?.data).toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      httpStatus: 500,
      path: "crash",
      requestId: "req-crash-123456",
    });
  });

  it("leaks neither the original message nor a stack trace", async () => {
    const { body } = await http(anonymousActor, { path: "crash", type: "query" });
    const text = JSON.stringify(body);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("ECONNREFUSED");
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(body.error?.data).not.toHaveProperty("stack");
    expect(Object.keys(body.error!.data).sort()).toEqual(
      ["code", "domainCode", "httpStatus", "path", "requestId"].sort(),
    );
  });
});

describe("invalid input", () => {
  it("is described field by field as 'path: message'", async () => {
    const { status, body } = await http(anonymousActor, {
      path: "inviteUser",
      type: "mutation",
      input: { email: "not an email", seats: 0, profile: { name: "A" } },
    });
    expect(status).toBe(400);
    expect(body.error?.data.code).toBe("BAD_REQUEST");
    const parts = body.error!.message.split("; ");
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^email: Invalid email/);
    expect(parts[1]).toMatch(/^seats: Too small: expected number to be >0/);
    expect(parts[2]).toMatch(/^profile\.name: Too small: expected string to have >=2 characters/);
  });

  it("names a bad team id of a team procedure", async () => {
    const { body } = await http(anonymousActor, { path: "app.teams.home", type: "query", input: { teamId: "acme" } });
    expect(body.error?.message).toBe("teamId: Invalid UUID");
  });

  it("names a nested field by its dotted path", async () => {
    const { db } = database.handle;
    const owner = await accountActor(db, "owner@acme.example");
    const [acme] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Acme Corp"));
    const { body } = await http(owner, {
      path: "app.invitations.invite",
      type: "mutation",
      input: { teamId: acme!.id, emails: ["a@b.example"], role: "member", licensed: false, groupIds: ["nope"] },
    });
    expect(body.error?.message).toBe("groupIds.0: Invalid UUID");
  });

  it("calls input that is missing altogether 'input'", async () => {
    const { body } = await http(anonymousActor, { path: "inviteUser", type: "mutation", input: "just a string" });
    expect(body.error?.message).toMatch(/^input: Invalid input: expected object/);
  });
});

describe("domain refusals", () => {
  it.each(Object.entries(DOMAIN_ERROR_CODES) as Array<[DomainErrorCode, TRPCError["code"]]>)(
    "%s becomes %s with the domain's own message",
    async (domainCode, trpcCode) => {
      const api = createTestCaller(contextFor(database.handle.db, anonymousActor));
      const error = await refusal(api.refuse({ code: domainCode }));
      expect(error.code).toBe(trpcCode);
      expect(error.message).toBe("Support sessions are read-only.");
      expect(error.cause).toBeInstanceOf(DomainError);
    },
  );

  it("tells the browser the domain code, the tRPC code and the HTTP status", async () => {
    const { status, body } = await http(anonymousActor, {
      path: "refuse",
      type: "query",
      input: { code: "SEAT_LIMIT" },
    });
    expect(status).toBe(412);
    expect(body.error?.message).toBe("Support sessions are read-only.");
    expect(body.error?.data).toMatchObject({
      code: "PRECONDITION_FAILED",
      domainCode: "SEAT_LIMIT",
      requestId: "req-test-000001",
    });
  });
});

describe("the log line of a procedure", () => {
  it("names its actor by kind and id, as the request's line does, and never by email", async () => {
    const { log, lines } = capturingLogger();
    const actor = await accountActor(database.handle.db, "owner@acme.example");
    const api = createTestCaller({ ...contextFor(database.handle.db, actor), log });
    await refusal(api.refuse({ code: "SEAT_LIMIT" }));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "procedure refused",
        path: "refuse",
        code: "SEAT_LIMIT",
        actor: { kind: "account", id: actor.kind === "account" ? actor.accountId : "" },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("acme.example");
  });
});

describe("the staff console", () => {
  let staffMember: Actor;
  let revokedStaffMember: Actor;

  beforeAll(async () => {
    const { db } = database.handle;
    const [active, revoked] = await db
      .insert(accounts)
      .values([
        { email: "ada.staff@platform.example", name: "Ada Staff" },
        { email: "former.staff@platform.example", name: "Former Staff" },
      ])
      .returning({ id: accounts.id });
    await db.insert(staff).values([
      { accountId: active!.id, role: "support_admin" },
      { accountId: revoked!.id, role: "support", revokedAt: new Date() },
    ]);
    staffMember = await accountActor(db, "ada.staff@platform.example");
    revokedStaffMember = await accountActor(db, "former.staff@platform.example", { mfaVerified: true });
  });

  const staffOnly = (actor: Actor) => createTestCaller(contextFor(database.handle.db, actor)).staffOnly();

  it("is closed to customers, even a team owner with two-step verification", async () => {
    const owner = await accountActor(database.handle.db, "owner@acme.example", { mfaVerified: true });
    const error = await refusal(staffOnly(owner));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("This area is for support staff.");
  });

  it("is closed to staff whose rights were revoked", async () => {
    const error = await refusal(staffOnly(revokedStaffMember));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("This area is for support staff.");
  });

  it("asks staff to complete two-step verification first", async () => {
    const error = await refusal(staffOnly(staffMember));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toBe("Support staff must complete two-step verification before opening the staff console.");
  });

  it("opens for staff who completed two-step verification in this session", async () => {
    expect(await staffOnly({ ...staffMember, mfaVerified: true } as Actor)).toEqual({ role: "support_admin" });
  });

  it("asks anonymous visitors to sign in", async () => {
    const error = await refusal(staffOnly(anonymousActor));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("Sign in to continue.");
  });
});
