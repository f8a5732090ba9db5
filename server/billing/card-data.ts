/**
 * PCI: the console never accepts, stores or logs a card number. Anything shaped like one (a
 * run of 13 to 19 digits, spaces or dashes allowed between them, that passes the Luhn check)
 * is refused wherever it appears in a request.
 */

/** Digit runs in which single spaces or dashes may separate the digits. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when the text holds a Luhn-valid run of 13 to 19 digits. Where spaces or dashes split
 * a longer run into groups ("4111 1111 1111 1111 0427"), every sequence of whole groups is
 * tried too. A UUID is never a card number (ids would otherwise be refused now and then).
 */
export function looksLikeCardNumber(text: string): boolean {
  if (UUID.test(text)) return false;
  for (const match of text.matchAll(DIGIT_RUN)) {
    const groups = match[0].split(/[ -]/);
    for (let first = 0; first < groups.length; first++) {
      let digits = "";
      for (let last = first; last < groups.length; last++) {
        digits += groups[last];
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits)) return true;
      }
    }
  }
  return false;
}

/** Walks any input (objects, arrays, strings, numbers) and reports whether a field holds a card number. */
export function containsCardNumber(value: unknown, depth = 0): boolean {
  if (depth > 20 || value === null || value === undefined) return false;
  if (typeof value === "string") return looksLikeCardNumber(value);
  if (typeof value === "number" || typeof value === "bigint") return looksLikeCardNumber(String(value));
  if (Array.isArray(value)) return value.some((item) => containsCardNumber(item, depth + 1));
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).some(
      ([key, item]) => looksLikeCardNumber(key) || containsCardNumber(item, depth + 1),
    );
  }
  return false;
}
