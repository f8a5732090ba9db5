import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("the language from Accept-Language", () => {
  it("picks Dutch for a Dutch or Flemish browser", () => {
    expect(localeFromAcceptLanguage("nl-NL,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("nl-BE")).toBe("nl");
  });

  it("follows the weights, not the order", () => {
    expect(localeFromAcceptLanguage("en;q=0.5,nl;q=0.9")).toBe("nl");
  });

  it("has no preference for languages it does not speak, an empty or a malformed header", () => {
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.8")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage("@@@,;q=x")).toBeNull();
  });
});
