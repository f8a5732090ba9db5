import { z } from "zod";
import { appRouter } from "../routers/root";
import type { ProcedureMeta } from "../trpc";

interface RawProcedure {
  _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta; inputs: z.ZodType[] };
}

/** A procedure of the app router as the REST layer sees it: its gate and its input's fields. */
export interface ProcedureShape {
  type: "query" | "mutation" | "subscription";
  meta: ProcedureMeta | undefined;
  /** The input's fields, its parsers merged, without `teamId`, which comes from the API key. */
  fields: Record<string, z.ZodType>;
}

export function procedureShape(path: string): ProcedureShape {
  const procedure = (appRouter._def.procedures as unknown as Record<string, RawProcedure | undefined>)[path];
  if (!procedure) throw new Error(`The REST API names ${path}, which the app router does not have.`);
  const fields: Record<string, z.ZodType> = {};
  for (const parser of procedure._def.inputs) {
    if (!(parser instanceof z.ZodObject)) throw new Error(`${path} takes an input that is not an object.`);
    Object.assign(fields, parser.shape);
  }
  delete fields.teamId;
  return { type: procedure._def.type, meta: procedure._def.meta, fields };
}

/** The type a field holds under its optional, default and nullable wrappers. */
export function innerType(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType };
    if (def.innerType && ["optional", "default", "nullable", "prefault", "readonly"].includes(def.type)) {
      current = def.innerType;
    } else {
      return current;
    }
  }
}

/** What the caller writes for a field: a date travels as ISO 8601 text. */
export function fieldKind(schema: z.ZodType): string {
  return innerType(schema)._zod.def.type;
}
