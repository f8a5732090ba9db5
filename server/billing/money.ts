import { CURRENCY } from "./plan-catalog";

const SYMBOLS: Record<string, string> = { USD: "$" };

/** "$1,234.50" or "−$12.00" from integer cents, without floating point. */
export function formatCents(cents: number, currency: string = CURRENCY): string {
  const sign = cents < 0 ? "−" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString("en");
  const fraction = String(abs % 100).padStart(2, "0");
  const symbol = SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${whole}.${fraction}` : `${sign}${whole}.${fraction} ${currency}`;
}
