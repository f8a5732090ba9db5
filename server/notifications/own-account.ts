import type { DomainContext } from "../domain-context";
import { DomainError } from "../errors";

/** The signed-in person's account: every notification query is scoped to it, whatever the input says. */
export function ownAccountId(ctx: DomainContext): string {
  if (ctx.actor.kind !== "account") throw new DomainError("UNAUTHENTICATED", "signInToContinue");
  return ctx.actor.accountId;
}
