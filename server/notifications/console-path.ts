import { safeLocalPath } from "@/lib/safe-path";

/** A path inside the console, by the same rule as a `next=` after sign-in, and without whitespace. */
export function isConsolePath(link: string): boolean {
  return !/\s/.test(link) && safeLocalPath(link) === link;
}
