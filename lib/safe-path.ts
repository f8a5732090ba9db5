/**
 * Browsers drop tabs and newlines from a URL and read a backslash as a slash, so "/\t/x" and
 * "/\x" would leave for the host x: such paths are refused outright.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

/** Only paths of this console are followed after sign-in, never another site. */
export function safeLocalPath(value: unknown): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !CONTROL_OR_BACKSLASH.test(path) ? path : "/";
}
