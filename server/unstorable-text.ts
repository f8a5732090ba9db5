import { type Refusal, refusal } from "./i18n/refusal-format";

/**
 * Text PostgreSQL cannot store: a NUL character (refused by `text` and `jsonb`) or a lone
 * UTF-16 surrogate (refused by `jsonb`, so by every audit event that quotes it).
 */
export interface UnstorableText {
  /** Where in the input, as "name" or "emails.2"; "" for the input itself. */
  path: string;
  problem: "nul" | "broken_unicode";
}

export function findUnstorableText(input: unknown): UnstorableText | null {
  // Iterative, so that no depth of nesting can overflow the stack.
  const pending: Array<{ value: unknown; path: string }> = [{ value: input, path: "" }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path, problem };
    } else if (value && typeof value === "object" && !seen.has(value)) {
      seen.add(value);
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const problem = textProblem(key);
        if (problem) return { path: childPath, problem };
        pending.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): UnstorableText["problem"] | null {
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "broken_unicode";
  return null;
}

export function unstorableTextRefusal({ path, problem }: UnstorableText): Refusal {
  return refusal(problem === "nul" ? "textHasNul" : "textHasBrokenUnicode", { where: path || "input" });
}
