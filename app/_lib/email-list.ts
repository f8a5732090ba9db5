import { z } from "zod";

/**
 * A form's list of email addresses, separated by commas, semicolons, spaces or lines, then
 * checked by the procedure's own schema for the list.
 */
export function emailList<Schema extends z.ZodType<unknown, string[]>>(schema: Schema) {
  return z
    .string()
    .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
    .pipe(schema);
}
