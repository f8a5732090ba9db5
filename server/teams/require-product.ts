import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import { DomainError } from "../errors";
import { productName, type TeamProduct } from "../permissions";

/** Refuses work on a team of another product ("Claris Connect teams have no groups"). */
export async function requireProduct(db: Queryable, teamId: string, product: TeamProduct, what: string): Promise<void> {
  const [team] = await db.select({ product: teams.product }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new DomainError("NOT_FOUND", "thisTeamDoesNotExist");
  if (team.product !== product) throw productLacks(team.product, what);
}

/** "Claris Connect teams have no groups." */
export function productLacks(product: TeamProduct, what: string): DomainError {
  return new DomainError("NOT_AVAILABLE_FOR_PRODUCT", "teamsHaveNo", { productName: productName(product), what });
}
