import "server-only";
import { lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { samlSeenAssertions } from "@/db/schema";

/** Records an accepted assertion; false when it was accepted before, which makes this answer a replay. */
export async function rememberSamlAssertion(
  db: Queryable,
  seen: { identityProviderId: string; assertionId: string; expiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(samlSeenAssertions)
    .values(seen)
    .onConflictDoNothing()
    .returning({ assertionId: samlSeenAssertions.assertionId });
  return inserted.length > 0;
}

/** An assertion past its NotOnOrAfter is refused as expired anyway, so its id need not be kept. */
export async function forgetExpiredSamlAssertions(db: Queryable, now: Date): Promise<number> {
  const gone = await db
    .delete(samlSeenAssertions)
    .where(lt(samlSeenAssertions.expiresAt, now))
    .returning({ assertionId: samlSeenAssertions.assertionId });
  return gone.length;
}
