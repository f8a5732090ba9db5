import type { TypeWords } from "./describe-type";

/** The English type words the page uses, written out for the tests, which run without the catalogs. */
export const words: TypeWords = {
  arrayOf: (item) => `array of ${item}`,
  mapOf: (value) => `map of string to ${value}`,
  oneOf: (options) => `one of ${options.join(", ")}`,
  anyOf: (options) => `any of ${options.join(", ")}`,
  allOf: (parts) => `all of ${parts.join(", ")}`,
  or: (options) => options.join(" or "),
  any: "any value",
};
