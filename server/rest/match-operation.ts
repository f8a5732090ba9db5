import type { RestOperation } from "./rest-operation";

export type OperationMatch =
  | { kind: "found"; operation: RestOperation; pathParameters: Record<string, string> }
  | { kind: "wrongMethod"; allowed: string[] }
  | { kind: "none" };

const SEGMENT = /^[A-Za-z0-9._~-]{1,200}$/;

function matchPath(template: string, path: string): Record<string, string> | null {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const parameters: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = /^\{(\w+)\}$/.exec(want[i]!)?.[1];
    if (name) {
      if (!SEGMENT.test(got[i]!)) return null;
      parameters[name] = got[i]!;
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return parameters;
}

/** The operation a method and path below /api/v1 name; a fixed segment wins over a parameter (/users/export). */
export function matchOperation(operations: readonly RestOperation[], method: string, path: string): OperationMatch {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const matches = operations
    .map((operation) => ({ operation, pathParameters: matchPath(operation.path, trimmed) }))
    .filter((m): m is { operation: RestOperation; pathParameters: Record<string, string> } => m.pathParameters !== null)
    .sort((a, b) => Object.keys(a.pathParameters).length - Object.keys(b.pathParameters).length);
  if (matches.length === 0) return { kind: "none" };
  const fixedCount = Object.keys(matches[0]!.pathParameters).length;
  const best = matches.filter((m) => Object.keys(m.pathParameters).length === fixedCount);
  const found = best.find((m) => m.operation.method === method);
  if (found) return { kind: "found", ...found };
  return { kind: "wrongMethod", allowed: [...new Set(best.map((m) => m.operation.method))] };
}
