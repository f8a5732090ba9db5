/**
 * A `notifications` translator seen loosely: a kind's keys are built at run time, and a kind
 * another area adds may have its name before its title and body.
 */
export interface KindTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A notification's title and body in the translator's language, from its kind and params. */
export function notificationText(
  t: KindTranslator,
  kind: string,
  params: Record<string, string | number>,
): { title: string; body: string } {
  const key = (part: string) => `kinds.${kind}.${part}`;
  const title = t.has(key("title")) ? t(key("title"), params) : t.has(key("name")) ? t(key("name")) : kind;
  return { title, body: t.has(key("body")) ? t(key("body"), params) : "" };
}
