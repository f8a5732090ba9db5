import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { accounts } from "@/db/schema";
import { signsInOnlyThroughProvider } from "../accounts/provider-only-account";
import { unusedRecoveryCodes } from "./recovery-codes";

/** What the Security page shows about two-step verification. */
export async function securityStatus(db: Queryable, accountId: string) {
  const [account] = await db
    .select({ totpEnabledAt: accounts.totpEnabledAt })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return {
    twoStepEnabledAt: account?.totpEnabledAt ?? null,
    recoveryCodesLeft: account?.totpEnabledAt ? await unusedRecoveryCodes(db, accountId) : 0,
    /** Two-step verification of an account of an identity provider is the provider's. */
    signsInThroughProvider: await signsInOnlyThroughProvider(db, accountId),
  };
}
