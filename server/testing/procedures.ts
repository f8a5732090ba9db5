import { type AnyTRPCRouter, getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Database } from "@/db/client";
import { DOMAIN_ERROR_CODES, DomainError } from "../errors";
import { appRouter, type createCaller } from "../routers/root";
import type { ProcedureMeta } from "../trpc";
import type { JsonSchema } from "./json-schema-arbitrary";

/** One procedure of the app router, as the tests generated from the router see it. */
export interface ProcedureEntry {
  path: string;
  type: "query" | "mutation" | "subscription";
  rule: ProcedureMeta;
  /** The procedure's input as one JSON Schema object (its parsers merged), or null without input. */
  input: JsonSchema | null;
}

interface RawProcedure {
  _def: { type: ProcedureEntry["type"]; meta?: Partial<ProcedureMeta>; inputs: z.ZodType[] };
}

/**
 * Every procedure of the app router, read from the router itself, so a procedure added
 * tomorrow is walked tomorrow. One without an authorization rule fails loudly.
 */
export function routerProcedures(router: AnyTRPCRouter = appRouter): ProcedureEntry[] {
  const procedures = router._def.procedures as unknown as Record<string, RawProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      rule: ruleOf(path, procedure._def.meta),
      input: inputSchemaOf(procedure._def.inputs),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function ruleOf(path: string, meta: Partial<ProcedureMeta> | undefined): ProcedureMeta {
  const known = ["public", "account", "team", "staff"];
  if (
    !meta?.gate ||
    !known.includes(meta.gate) ||
    (meta.gate === "team" && !("permission" in meta && meta.permission))
  ) {
    throw new Error(
      `${path} has no authorization rule: build it with publicProcedure, accountProcedure, teamProcedure(permission) or staffProcedure from server/trpc.ts, so its meta names its gate.`,
    );
  }
  return meta as ProcedureMeta;
}

function inputSchemaOf(parsers: z.ZodType[]): JsonSchema | null {
  if (parsers.length === 0) return null;
  const merged: JsonSchema = { type: "object", properties: {}, required: [] };
  for (const parser of parsers) {
    const schema = z.toJSONSchema(parser, { unrepresentable: "any", io: "input" }) as JsonSchema;
    Object.assign(merged.properties!, schema.properties ?? {});
    merged.required!.push(...(schema.required ?? []));
  }
  return merged;
}

/** Calls a procedure by its dotted path; a streamed answer is read to its end, so its errors surface. */
export async function callProcedure(
  caller: ReturnType<typeof createCaller>,
  path: string,
  input: unknown,
): Promise<unknown> {
  const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  const result = await call(input);
  if (result && typeof result === "object" && Symbol.asyncIterator in result) {
    const chunks: unknown[] = [];
    try {
      for await (const chunk of result as AsyncIterable<unknown>) chunks.push(chunk);
    } catch (error) {
      // A refusal in the middle of a stream comes after the middlewares: map it as they would.
      if (error instanceof DomainError)
        throw new TRPCError({ code: DOMAIN_ERROR_CODES[error.code], message: error.message, cause: error });
      throw getTRPCErrorFromUnknown(error);
    }
    return chunks;
  }
  return result;
}

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: TRPCError };

/** The outcome of a call: its value, or the tRPC refusal; anything else is thrown on. */
export async function outcomeOf(call: Promise<unknown>): Promise<CallOutcome> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, error };
    throw error;
  }
}

/** The domain's own code behind a refusal (READ_ONLY, SEAT_LIMIT …), when it has one. */
export function domainCodeOf(error: TRPCError): string | undefined {
  const cause = error.cause as { code?: unknown; name?: string } | undefined;
  return cause?.name === "DomainError" && typeof cause.code === "string" ? cause.code : undefined;
}

/** Runs `work` in a transaction that is always rolled back, so every call starts from the same data. */
export async function rolledBack<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await db
    .transaction(async (tx) => {
      result = { value: await work(tx as unknown as Database) };
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return result!.value;
}

const ROLLBACK = new Error("rolled back on purpose");
