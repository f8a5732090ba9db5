import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Actor } from "./actor";
import { recordAudit } from "./audit/record-audit";
import { containsCardNumber } from "./billing/card-data";
import type { Context } from "./context";
import { DOMAIN_ERROR_CODES, DomainError } from "./errors";
import { loggedActor, noteRequestActor } from "./http/request-actors";
import { refusalIn } from "./i18n/refusal-format";
import { validationMessage } from "./i18n/refusal-message";
import { consoleMetrics } from "./metrics/console-metrics";
import type { Permission } from "./permissions";
import { staffMemberOf } from "./support/staff-member";
import { resolveSupportSession } from "./support/support-sessions";
import { authoriseTeamAccess, type TeamAccess } from "./teams/team-access";
import { findUnstorableText, unstorableTextRefusal } from "./unstorable-text";

/**
 * Which gate a procedure stands behind, read by the tests generated from the router: every
 * builder sets it, and a team procedure also names its permission.
 */
export type ProcedureMeta =
  | { gate: "public" }
  | { gate: "account" }
  | { gate: "team"; permission: Permission }
  | { gate: "staff" };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    // Stack traces never leave the server, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const requestId = ctx?.request.requestId;
      const domainCode = error.cause instanceof DomainError ? error.cause.code : undefined;
      // API clients read refusals in the language their Accept-Language asks for.
      const locale = ctx?.request.locale ?? DEFAULT_LOCALE;
      let message = shape.message;
      if (error.code === "INTERNAL_SERVER_ERROR") {
        message = `Something went wrong on our side. Quote request id ${requestId ?? "unknown"} when reporting it.`;
      } else if (error.cause instanceof ZodError) {
        message = readableZodMessage(error.cause, locale);
      } else if (error.cause instanceof DomainError) {
        message = refusalIn(error.cause.refusal, locale);
      }
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          domainCode,
        },
      };
    },
  });

/** "email: Invalid email address; seats: Too small" */
export function readableZodMessage(error: ZodError, locale: Locale = DEFAULT_LOCALE): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${validationMessage(i.message, locale)}`).join("; ");
}

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Logs every call as one JSON line, measures it (console_trpc_* metrics) and turns domain
 * refusals into their tRPC codes.
 */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const metrics = consoleMetrics();
  const measure = (code: string) => metrics.procedureDuration.observe({ procedure: path, code }, durationMs / 1000);
  if (result.ok) {
    measure("OK");
    ctx.log.info({ path, type, durationMs, ok: true }, "procedure");
    return result;
  }
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    const code = DOMAIN_ERROR_CODES[cause.code];
    measure(code);
    metrics.procedureRefusals.inc({ code: cause.code });
    ctx.log.info({ path, type, durationMs, ok: false, code: cause.code }, "procedure refused");
    throw new TRPCError({ code, message: cause.message, cause });
  }
  measure(result.error.code);
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ path, type, durationMs, err: cause ?? result.error }, "procedure failed");
  } else {
    metrics.procedureRefusals.inc({ code: result.error.code });
    ctx.log.info({ path, type, durationMs, ok: false, code: result.error.code }, "procedure refused");
  }
  return result;
});

/** The first of the two read-only guards: a support session never reaches a mutation. */
const supportIsReadOnly = t.middleware(({ ctx, type, next }) => {
  if (ctx.actor.kind === "support" && type === "mutation") {
    throw new DomainError("READ_ONLY", "supportSessionsAreReadOnly");
  }
  return next();
});

/** Refuses, in any field of any input, text the database could not store, before anything reads it. */
const storableText = t.middleware(async ({ getRawInput, next }) => {
  const found = findUnstorableText(await getRawInput());
  if (found) {
    const { key, values } = unstorableTextRefusal(found);
    throw new DomainError("INVALID_INPUT", key, values);
  }
  return next();
});

/** The input every team procedure starts from; forms extend it with the procedure's own input. */
export const teamInput = z.object({ teamId: z.uuid() });

/**
 * Resolves the session the request's cookie names into the actor, once per request; for a team
 * call in the same round trip as the team's access row (server/auth/request-actor.ts). After a
 * change the request's later calls read access afresh: the change may have been to it.
 */
const resolveActor = t.middleware(async ({ ctx, meta, type, getRawInput, next }) => {
  const found = ctx.requestActor;
  if (!found) return next({ ctx: { log: ctx.log.child({ actor: loggedActor(ctx.actor) }) } });
  const teamId = meta?.gate === "team" ? teamInput.safeParse(await getRawInput()).data?.teamId : undefined;
  const actor = await (teamId ? found.withTeam(teamId).then((gate) => gate.actor) : found.actor()).catch((error) => {
    ctx.log.error({ err: error }, "session lookup failed");
    throw error;
  });
  noteRequestActor(ctx.request.requestId, actor);
  const result = await next({ ctx: { actor, log: ctx.log.child({ actor: loggedActor(actor) }) } });
  if (type === "mutation") found.forgetTeams();
  return result;
});

export const publicProcedure = t.procedure
  .meta({ gate: "public" })
  .use(resolveActor)
  .use(observed)
  .use(storableText)
  .use(supportIsReadOnly);

type AccountActor = Extract<Actor, { kind: "account" }>;

export const accountProcedure = publicProcedure.meta({ gate: "account" }).use(({ ctx, next }) => {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  return next({ ctx: { actor: ctx.actor as AccountActor } });
});

/** A terminated team can still renew its subscription and ask support for help. */
const WRITABLE_WHEN_TERMINATED = ["subscription.", "support."];

/**
 * Signed in and allowed `permission` in the team named by `input.teamId`, or a support
 * session viewing that team with a read permission. A staff member whose support cookie
 * names a live session for this team acts as support here. Support requests run in a READ
 * ONLY transaction (the second guard, which holds even where a check was forgotten), and
 * each one is recorded in the team's audit log as a support view.
 */
export function teamProcedure(permission: Permission) {
  return publicProcedure
    .meta({ gate: "team", permission })
    .input(teamInput)
    .use(async ({ ctx, input, next, type, path }) => {
      const gate = ctx.requestActor && type === "query" ? await ctx.requestActor.withTeam(input.teamId) : undefined;
      const support =
        ctx.actor.kind === "account" && ctx.supportSessionId
          ? await resolveSupportSession(ctx.db, ctx, {
              supportSessionId: ctx.supportSessionId,
              accountId: ctx.actor.accountId,
              teamId: input.teamId,
              mfaVerified: ctx.actor.mfaVerified,
            })
          : null;
      const actor = support?.actor ?? ctx.actor;
      if (actor.kind === "support" && type === "mutation")
        throw new DomainError("READ_ONLY", "supportSessionsAreReadOnly");
      const authorised = await authoriseTeamAccess(ctx.db, actor, input.teamId, permission, {
        viewAsMembershipId: support?.viewAsMembershipId,
        row: gate?.row,
      });
      if (
        type === "mutation" &&
        authorised.team.status === "terminated" &&
        !WRITABLE_WHEN_TERMINATED.some((area) => permission.startsWith(area))
      ) {
        throw new DomainError("SUBSCRIPTION_STATE", "theSubscriptionOfHasEndedSo", { teamName: authorised.team.name });
      }
      if (actor.kind !== "support") return next({ ctx: { access: authorised } });
      noteRequestActor(ctx.request.requestId, actor);

      const access: TeamAccess = support
        ? { ...authorised, support: { endsAt: support.endsAt, viewingAs: authorised.support?.viewingAs ?? null } }
        : authorised;
      const result = await ctx.db.transaction(
        async (tx) => {
          const outcome = await next({ ctx: { access, actor, db: tx as unknown as Context["db"] } });
          // next() reports failure instead of throwing; throwing rolls the transaction back.
          if (!outcome.ok) throw outcome.error;
          return outcome;
        },
        { accessMode: "read only" },
      );
      await ctx.db.transaction((tx) =>
        recordAudit(tx, {
          teamId: input.teamId,
          actor,
          occurredAt: ctx.clock.now(),
          request: ctx.request,
          action: "support.viewed",
          target: { type: "procedure", id: path },
          after: access.support?.viewingAs ? { viewingAs: access.support.viewingAs.email } : undefined,
        }),
      );
      return result;
    });
}

/**
 * A team procedure that refuses any input shaped like a card number, in any field, before
 * the input is parsed or used: the console never accepts card data (PCI).
 */
export function billingProcedure(permission: Permission) {
  return teamProcedure(permission).use(async ({ getRawInput, next }) => {
    if (containsCardNumber(await getRawInput())) throw new DomainError("INVALID_INPUT", "cardDataRefused");
    return next();
  });
}

/** A platform employee with staff rights who passed two-step verification in this session. */
export const staffProcedure = accountProcedure.meta({ gate: "staff" }).use(async ({ ctx, next }) => {
  const member = await staffMemberOf(ctx.db, ctx.actor.accountId);
  if (!member) throw new DomainError("FORBIDDEN", "thisAreaIsForSupportStaff");
  if (!ctx.actor.mfaVerified) {
    throw new DomainError("FORBIDDEN", "supportStaffMustCompleteTwoStep");
  }
  return next({ ctx: { staff: member } });
});
