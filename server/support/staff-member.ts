import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { staff } from "@/db/schema";

/** The account's staff rights, if it has any that are not revoked. */
export async function staffMemberOf(db: Queryable, accountId: string) {
  const [member] = await db
    .select({ id: staff.id, role: staff.role })
    .from(staff)
    .where(and(eq(staff.accountId, accountId), isNull(staff.revokedAt)));
  return member ?? null;
}
