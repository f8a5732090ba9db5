import type { Queryable } from "@/db/client";
import { spend } from "../auth/rate-limits";
import type { Clock } from "../clock";
import { bearerSecretOf } from "../crypto/bearer-secret";
import { DomainError } from "../errors";
import { ScimError } from "./scim-errors";
import { authenticateScimToken, type ScimActor } from "./scim-token";

/** Calls one SCIM token may make: a full directory sync pages through users and groups well within this. */
export const SCIM_BUDGET = { name: "scim", limit: 600, windowMs: 60_000 };

const CHALLENGE = { "www-authenticate": 'Bearer realm="SCIM"' };

/** The SCIM actor of a request's bearer token, refused with 401 without one and 429 past the token's budget. */
export async function scimActorOf(
  db: Queryable,
  clock: Clock,
  authorization: string | null,
  ip: string | null,
): Promise<ScimActor> {
  const secret = bearerSecretOf(authorization);
  if (!secret) {
    throw new ScimError(401, "Send the team's SCIM token in an Authorization: Bearer header.", undefined, CHALLENGE);
  }
  let actor: ScimActor;
  try {
    actor = await authenticateScimToken(db, clock, secret, ip);
  } catch (error) {
    if (error instanceof DomainError && error.code === "UNAUTHENTICATED") {
      throw new ScimError(401, error.message, undefined, CHALLENGE);
    }
    throw error;
  }
  const now = clock.now();
  const spending = await spend(db, SCIM_BUDGET, actor.scimTokenId, now);
  if (!spending.allowed) {
    const seconds = Math.max(1, Math.ceil((spending.retryAt.getTime() - now.getTime()) / 1000));
    throw new ScimError(
      429,
      `This SCIM token made more than ${SCIM_BUDGET.limit} requests in a minute; try again in ${seconds} seconds.`,
      undefined,
      { "retry-after": String(seconds) },
    );
  }
  return actor;
}
