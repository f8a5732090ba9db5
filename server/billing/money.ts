import { formatCents as formatCentsIn } from "@/lib/format";
import { CURRENCY } from "./plan-catalog";

/** "$1,234.50" in English, for refusals and audit details written on the server. */
export function formatCents(cents: number, currency: string = CURRENCY): string {
  return formatCentsIn(cents, currency, "en");
}
