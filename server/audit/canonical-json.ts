/**
 * JSON with object keys sorted at every depth, so equal content always hashes the same.
 * Written out directly rather than through a sorted copy for JSON.stringify: the chain's
 * verification runs this once per event. Same output as JSON.stringify would give the copy.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return writeArray(value);
      if (value instanceof Date) return JSON.stringify(value);
      return writeObject(value as Record<string, unknown>);
    case "bigint":
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

function writeArray(items: unknown[]): string {
  let text = "[";
  for (let i = 0; i < items.length; i++) text += `${i ? "," : ""}${write(items[i]) ?? "null"}`;
  return `${text}]`;
}

function writeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let text = "{";
  for (const key of keys) {
    const item = write(object[key]);
    if (item === undefined) continue;
    text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${item}`;
  }
  return `${text}}`;
}

/** What a value looks like after a round trip through jsonb: Dates become strings, undefined goes. */
export function asStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
