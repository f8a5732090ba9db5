import type { z } from "zod";
import { fieldKind, type ProcedureShape } from "./procedure-input";

export type RestInputSource = { from: "query"; query: URLSearchParams } | { from: "body"; body: unknown };

/** A request the REST layer refuses before the procedure sees it, with the field to fix. */
export class RestInputError extends Error {
  constructor(
    message: string,
    readonly errors: Array<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function fromText(field: string, value: string, schema: z.ZodType): unknown {
  switch (fieldKind(schema)) {
    case "boolean":
      if (value === "true") return true;
      if (value === "false") return false;
      throw new RestInputError(`${field} must be true or false.`, [{ field, message: "Use true or false." }]);
    case "number":
    case "int": {
      const number = Number(value);
      if (value.trim() === "" || !Number.isFinite(number)) {
        throw new RestInputError(`${field} must be a number.`, [{ field, message: "Use a number." }]);
      }
      return number;
    }
    default:
      return value;
  }
}

function dateIn(field: string, value: unknown, schema: z.ZodType): unknown {
  if (fieldKind(schema) !== "date" || value === undefined) return value;
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new RestInputError(`${field} must be a date and time in ISO 8601, such as 2026-12-01T09:00:00Z.`, [
      { field, message: "Use ISO 8601 with a time zone, such as 2026-12-01T09:00:00Z." },
    ]);
  }
  return new Date(value);
}

function refuseUnknown(names: Iterable<string>, shape: ProcedureShape, taken: ReadonlySet<string>): void {
  const known = Object.keys(shape.fields).filter((name) => !taken.has(name));
  const unknown = [...names].filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const allowed = known.length > 0 ? `Allowed: ${known.join(", ")}.` : "This call takes none.";
  throw new RestInputError(`Unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. ${allowed}`, [
    ...unknown.map((field) => ({ field, message: "Not a field of this call." })),
  ]);
}

/**
 * The procedure's input from the path's parameters and the query or JSON body: a field the
 * procedure does not take is refused rather than ignored (a typo must not pass silently),
 * query text becomes booleans and numbers, and ISO 8601 text becomes dates.
 */
export function restInput(
  shape: ProcedureShape,
  pathParameters: Record<string, string>,
  source: RestInputSource,
): Record<string, unknown> {
  const taken = new Set(Object.keys(pathParameters));
  const input: Record<string, unknown> = {};
  if (source.from === "query") {
    const names = new Set(source.query.keys());
    refuseUnknown(names, shape, taken);
    for (const name of names) {
      const values = source.query.getAll(name);
      if (values.length > 1) {
        throw new RestInputError(`${name} is given ${values.length} times; give it once.`, [
          { field: name, message: "Give it once." },
        ]);
      }
      const schema = shape.fields[name]!;
      input[name] = dateIn(name, fromText(name, values[0]!, schema), schema);
    }
  } else {
    const body = source.body ?? {};
    if (typeof body !== "object" || Array.isArray(body) || body === null) {
      throw new RestInputError("The body must be a JSON object.");
    }
    refuseUnknown(Object.keys(body), shape, taken);
    for (const [name, value] of Object.entries(body)) input[name] = dateIn(name, value, shape.fields[name]!);
  }
  return { ...input, ...pathParameters };
}
