import { describe, expect, it } from "vitest";
import { refusalIn } from "../i18n/refusal-format";
import { isCommonPassword, PASSWORD_MAX_LENGTH, passwordProblem } from "./password-policy";

function problemText(password: string): string | null {
  const problem = passwordProblem(password);
  return problem && refusalIn(problem, "en");
}

describe("the password policy (OWASP ASVS 5.0, 6.2)", () => {
  it("accepts any password of 8 characters or more that is not common, without composition rules", () => {
    expect(passwordProblem("lowercase only words")).toBeNull();
    expect(passwordProblem("zqxwvcbn")).toBeNull();
    expect(passwordProblem("DemoPass-2026")).toBeNull();
  });

  it("refuses fewer than 8 characters and suggests 15", () => {
    expect(problemText("a1b2c3d")).toBe("Use at least 8 characters (15 or more is better).");
  });

  it("counts characters, not bytes: emoji and accents are one each", () => {
    expect(passwordProblem("ééééééé")).not.toBeNull();
    expect(passwordProblem("🔑🔑🔑🔑🔑🔑🔑🔑")).toBeNull();
  });

  it("allows 128 characters and refuses more", () => {
    expect(passwordProblem(`${"x".repeat(PASSWORD_MAX_LENGTH - 5)}abcde`)).toBeNull();
    expect(problemText("y".repeat(PASSWORD_MAX_LENGTH + 1))).toBe("Use at most 128 characters.");
  });

  it("refuses the most common passwords whatever their case", () => {
    for (const common of ["password", "12345678", "Password1", "iloveyou", "QWERTYUIOP", "sunshine"]) {
      expect(isCommonPassword(common), common).toBe(true);
      expect(problemText(common)).toMatch(/among the most common/);
    }
  });

  it("ships a list of at least 10,000 common passwords", async () => {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    expect((dictionary["passwords-common"] as string[]).length).toBeGreaterThanOrEqual(10_000);
  });
});
