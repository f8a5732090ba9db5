import type { DomainContext } from "../domain-context";

/** The who, when and where of an audit event, taken from the operation's context. */
export function auditContext(ctx: DomainContext) {
  return { actor: ctx.actor, occurredAt: ctx.clock.now(), request: ctx.request };
}
