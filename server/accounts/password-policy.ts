// OWASP ASVS 5.0, 6.2: length decides, composition rules do not.
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { DomainError } from "../errors";
import { type Refusal, refusal } from "../i18n/refusal-format";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH };

// The ~49,000 most common passwords, from zxcvbn's maintained list.
const COMMON_PASSWORDS = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): Refusal | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return refusal("passwordTooShort", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH });
  }
  if (length > PASSWORD_MAX_LENGTH) return refusal("passwordTooLong", { max: PASSWORD_MAX_LENGTH });
  if (isCommonPassword(password)) return refusal("passwordTooCommon");
  return null;
}

export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError("INVALID_INPUT", problem.key, problem.values);
}
