// OWASP ASVS 5.0, 6.2: length decides, composition rules do not.
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { DomainError } from "../errors";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH };

// The ~49,000 most common passwords, from zxcvbn's maintained list.
const COMMON_PASSWORDS = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_SUGGESTED_LENGTH} or more is better).`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) {
    return "This password is among the most common ones and easy to guess. Choose another, for example a few unrelated words.";
  }
  return null;
}

export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError("INVALID_INPUT", problem);
}
