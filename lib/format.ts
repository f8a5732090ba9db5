import type { Locale } from "./i18n/locales";

/**
 * Formatting that pages, mails and refusals share, in the reader's language. Times are in UTC
 * and say so, as everywhere in the console.
 */

const cached = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  if (!cached.has(key)) cached.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }));
  return cached.get(key) as Intl.DateTimeFormat;
}

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${locale}:${JSON.stringify(options)}`;
  if (!cached.has(key)) cached.set(key, new Intl.NumberFormat(locale, options));
  return cached.get(key) as Intl.NumberFormat;
}

/** "Dec 2, 2026, 5:20 PM UTC" / "2 dec 2026, 17:20 UTC" */
export function formatDateTime(value: Date, locale: Locale): string {
  return `${dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(value)} UTC`;
}

/** "Dec 2, 2026" / "2 dec 2026" */
export function formatDate(value: Date, locale: Locale): string {
  return dateTimeFormat(locale, { dateStyle: "medium" }).format(value);
}

/** "1,234" / "1.234" */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, {}).format(value);
}

/** "1.5 GB" / "1,5 GB", in powers of 1000 as storage is sold. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/**
 * "$1,234.50" / "US$ 1.234,50" from integer cents. The amount reaches Intl as a decimal string,
 * so no cent is lost to floating point however large the sum.
 */
export function formatCents(cents: number, currency: string, locale: Locale): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const decimal = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return numberFormat(locale, { style: "currency", currency }).format(decimal as unknown as number);
}
