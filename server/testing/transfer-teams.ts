import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { subscriptions, teamSettings } from "@/db/schema";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { createAccount } from "../accounts/create-account";
import { type Actor, noRequest, systemActor } from "../actor";
import { startSubscription } from "../billing/start-subscription";
import type { Clock } from "../clock";
import type { DomainContext } from "../domain-context";
import { addMembership } from "../members/add-membership";
import type { TeamProduct } from "../permissions";
import { createCaller } from "../routers/root";
import { createTeam } from "../teams/create-team";
import { contextFor } from "./callers";

export interface Person {
  accountId: string;
  email: string;
  actor: Actor;
}

/**
 * Two FileMaker Cloud teams of their own for a transfer test ("<tag> From" and "<tag> To"), each
 * with an owner and a manager, a licensed member of the first who wants to move, and a Claris
 * Connect team the member is also in. Nothing else uses them, so tests cannot disturb each other.
 */
export async function transferTeams(db: Database, clock: Clock, tag: string) {
  const platform: DomainContext = { actor: systemActor("Transfer tests"), clock, request: noRequest };
  const person = async (local: string): Promise<Person> => {
    const email = `${local}@${tag.toLowerCase()}.example`;
    const { id } = await createAccount(db, platform, {
      email,
      name: `${local} ${tag}`,
      password: DEMO_PASSWORD,
      emailVerified: true,
    });
    return {
      accountId: id,
      email,
      actor: { kind: "account", accountId: id, email, sessionId: null, mfaVerified: false },
    };
  };
  const team = async (name: string, product: TeamProduct, owner: Person, seats: number) => {
    const ownerCtx = { ...platform, actor: owner.actor };
    const { id } = await createTeam(db, ownerCtx, {
      name,
      product,
      ownerAccountId: owner.accountId,
      ownerIsManaged: true,
    });
    await startSubscription(db, ownerCtx, {
      teamId: id,
      planCode: product === "filemaker_cloud" ? "fmc-standard" : "connect-starter",
      billingPeriod: "monthly",
      seats,
    });
    return {
      id,
      join: (who: Person, role: "manager" | "member", licensed: boolean) =>
        addMembership(db, ownerCtx, { teamId: id, accountId: who.accountId, role, licensed }),
    };
  };
  const people = {
    fromOwner: await person("from-owner"),
    fromManager: await person("from-manager"),
    toOwner: await person("to-owner"),
    toManager: await person("to-manager"),
    mover: await person("mover"),
  };
  const from = await team(`${tag} From`, "filemaker_cloud", people.fromOwner, 10);
  const to = await team(`${tag} To`, "filemaker_cloud", people.toOwner, 10);
  const connect = await team(`${tag} Connect`, "claris_connect", people.fromOwner, 0);
  await from.join(people.fromManager, "manager", true);
  const moverMembership = await from.join(people.mover, "member", true);
  await to.join(people.toManager, "manager", true);
  await connect.join(people.mover, "member", false);
  return {
    people,
    fromName: `${tag} From`,
    toName: `${tag} To`,
    connectName: `${tag} Connect`,
    fromTeamId: from.id,
    toTeamId: to.id,
    connectTeamId: connect.id,
    moverMembershipId: moverMembership.id,
    as: (who: Person) => createCaller(contextFor(db, who.actor, { clock })),
    requireApproval: (teamId: string, side: { in?: boolean; out?: boolean }) =>
      db
        .update(teamSettings)
        .set({
          ...(side.in === undefined ? {} : { transferInRequiresApproval: side.in }),
          ...(side.out === undefined ? {} : { transferOutRequiresApproval: side.out }),
        })
        .where(eq(teamSettings.teamId, teamId)),
    setSeats: (teamId: string, seats: number) =>
      db.update(subscriptions).set({ seats }).where(eq(subscriptions.teamId, teamId)),
  };
}
