import { describe, expect, it } from "vitest";
import { safeLocalPath } from "./safe-path";

describe("safeLocalPath", () => {
  it("keeps paths of the console, with their query", () => {
    expect(safeLocalPath("/teams/1/users?sort=name")).toBe("/teams/1/users?sort=name");
    expect(safeLocalPath("/")).toBe("/");
  });

  it("refuses other sites, however the path hides them", () => {
    for (const path of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%09/ok\u0000",
      "/teams\\..\\evil",
      "evil.example",
    ]) {
      expect(safeLocalPath(path), JSON.stringify(path)).toBe("/");
    }
  });

  it("answers / for anything that is not a string", () => {
    expect(safeLocalPath(undefined)).toBe("/");
    expect(safeLocalPath(["/teams"])).toBe("/");
  });
});
