import { randomBytes } from "node:crypto";
import { DomainError } from "../errors";

/**
 * A payment provider keeps the card (or bank) details; the console keeps only its token and
 * display hints. A card processor plugs in by implementing this interface: its own form in
 * the browser turns card details into a token, and only that token reaches the console.
 */
export interface PaymentProvider {
  id: string;
  label: string;
  /** Turns what the provider's form gave the browser into a stored token and display hints. */
  attach(input: {
    teamId: string;
    providerToken?: string;
  }): Promise<{ token: string; brand: string | null; last4: string | null }>;
}

/** The built-in provider: invoices are paid by bank transfer; nothing to tokenise. */
export const payByInvoice: PaymentProvider = {
  id: "invoice",
  label: "Pay by invoice",
  async attach() {
    return { token: `inv_${randomBytes(12).toString("hex")}`, brand: "Invoice", last4: null };
  },
};

const providers = new Map<string, PaymentProvider>([[payByInvoice.id, payByInvoice]]);

/** Adds a provider (a card processor) at start-up. */
export function registerPaymentProvider(provider: PaymentProvider): void {
  providers.set(provider.id, provider);
}

export function paymentProvider(id: string): PaymentProvider {
  const provider = providers.get(id);
  if (!provider) throw new DomainError("INVALID_INPUT", "thereIsNoPaymentProvider", { id });
  return provider;
}

export function paymentProviders(): Array<{ id: string; label: string }> {
  return [...providers.values()].map(({ id, label }) => ({ id, label }));
}

/** Display hints must be hints: a brand name and at most the last four digits. */
export function checkDisplayHints(hints: { brand: string | null; last4: string | null }): void {
  if (hints.last4 !== null && !/^\d{4}$/.test(hints.last4))
    throw new Error("A payment provider returned more than the last four digits");
  if (hints.brand !== null && (hints.brand.length > 40 || /\d{5,}/.test(hints.brand)))
    throw new Error("A payment provider returned an unusable brand");
}
