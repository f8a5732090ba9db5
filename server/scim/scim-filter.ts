import { ScimError } from "./scim-errors";

/** One `attribute eq value` comparison; attribute names are lower-cased, since SCIM compares them without case. */
export interface EqualityFilter {
  attribute: string;
  value: string | boolean | number | null;
}

const CORE_SCHEMA_PREFIX = /^urn:ietf:params:scim:schemas:core:2\.0:(?:user|group):/i;
const ATTRIBUTE_PATH = /^[A-Za-z][\w$-]*(?:\[type eq "work"\])?(?:\.[A-Za-z][\w$-]*)?$/i;
const MAX_FILTER_LENGTH = 1_000;

/**
 * Reads the filters identity providers send: comparisons with `eq`, joined by `and`
 * (`userName eq "a@example.com"`, `emails[type eq "work"].value eq "…"`). Anything else is
 * refused as invalidFilter rather than read as matching everything.
 */
export function parseEqualityFilter(text: string): EqualityFilter[] {
  if (text.length > MAX_FILTER_LENGTH) throw invalid(`A filter has at most ${MAX_FILTER_LENGTH} characters.`);
  const comparisons: EqualityFilter[] = [];
  let rest = text.trim();
  for (;;) {
    const match =
      /^([^\s[]+(?:\[[^\]]*\](?:\.[\w$-]+)?)?)\s+(\w+)\s+("(?:[^"\\]|\\.)*"|true|false|null|-?\d+(?:\.\d+)?)/i.exec(
        rest,
      );
    if (!match)
      throw invalid(`The filter ${JSON.stringify(text)} could not be read; write it as attribute eq "value".`);
    const [whole, path, operator, literal] = match as unknown as [string, string, string, string];
    if (operator.toLowerCase() !== "eq") {
      throw invalid(`The filter operator ${operator} is not supported; only eq (joined by and) is.`);
    }
    const attribute = path.replace(CORE_SCHEMA_PREFIX, "");
    if (!ATTRIBUTE_PATH.test(attribute)) throw invalid(`${path} is not an attribute this server filters on.`);
    comparisons.push({
      attribute: attribute.toLowerCase().replace('[type eq "work"]', ""),
      value: literalValue(literal),
    });
    rest = rest.slice(whole.length).trim();
    if (!rest) return comparisons;
    const joined = /^and\s+/i.exec(rest);
    if (!joined) throw invalid(`The filter ${JSON.stringify(text)} joins comparisons with something other than and.`);
    rest = rest.slice(joined[0].length);
  }
}

function literalValue(literal: string): EqualityFilter["value"] {
  if (literal.startsWith('"')) {
    try {
      return JSON.parse(literal) as string;
    } catch {
      throw invalid(`${literal} is not a well-formed string.`);
    }
  }
  const lower = literal.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  return Number(literal);
}

/** Refuses a comparison on an attribute the resource cannot be found by. */
export function refuseUnfilterable(filters: EqualityFilter[], supported: readonly string[]): void {
  const other = filters.find((filter) => !supported.includes(filter.attribute));
  if (other) {
    throw invalid(`Filtering on ${other.attribute} is not supported; filter on ${supported.join(", ")}.`);
  }
}

function invalid(detail: string): ScimError {
  return new ScimError(400, detail, "invalidFilter");
}
