import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "@/db/client";
import { decrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";
import { encryptedValues } from "./database-facts";

/**
 * One value per key id decrypted with the configured ENCRYPTION_KEYS: a key id alone proves
 * nothing, since generated keys are named by their date.
 */
export async function encryptionKeyProblems(db: Queryable, keyIds: string[]): Promise<string[]> {
  const values = await encryptedValues(db);
  if (!values) return [];
  const problems: string[] = [];
  for (const keyId of keyIds) {
    const [sample] = rowsOf<{ value: string }>(
      await db.execute(sql`select value from (${values}) v where split_part(value, '.', 2) = ${keyId} limit 1`),
    );
    if (!sample) continue;
    try {
      decrypt(keyRing(), sample.value);
    } catch {
      problems.push(
        `Values encrypted with key ${keyId} do not decrypt with the configured key of that id: set ENCRYPTION_KEYS ` +
          "(or the data directory's secrets.json) as the backed-up console had it before starting the console.",
      );
    }
  }
  return problems;
}
