/** The documented import format, one user a line after this header. */
export const IMPORT_COLUMNS = ["email", "name", "role", "licensed", "groups"] as const;
export const IMPORT_HEADER = IMPORT_COLUMNS.join(",");
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 5_000_000;

/** What each column accepts, for the import dialog and error messages. */
const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);

export function parseLicensed(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  return YES.has(v) ? true : NO.has(v) ? false : null;
}

export function parseRole(value: string): "manager" | "member" | null {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "member") return "member";
  if (v === "manager" || v === "team manager") return "manager";
  return null;
}
