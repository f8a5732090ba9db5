import type { Database } from "@/db/client";
import { DEMO_PASSWORD, DEMO_SUPPORT_TOTP_SECRET } from "@/server/demo/seed";
import { noRequest } from "../actor";
import type { Clock } from "../clock";
import { createCaller } from "../routers/root";
import { requestContext } from "./request-context";
import { signInWithPassword, signInWithTwoStep } from "./sign-in";

/** The demo support staff member, signed in with two-step verification: a real session row. */
export async function signInDemoSupport(db: Database, clock: Clock): Promise<string> {
  const { sessionId } = await signInWithTwoStep(
    db,
    { clock, request: noRequest },
    {
      email: "support@console.example",
      password: DEMO_PASSWORD,
      totpSecret: DEMO_SUPPORT_TOTP_SECRET,
    },
  );
  return sessionId;
}

/** A demo account signed in with its password, as the sign-in page does. */
export async function signInDemo(db: Database, clock: Clock, email: string): Promise<string> {
  const session = await signInWithPassword(db, { clock, request: noRequest }, { email, password: DEMO_PASSWORD });
  if (!session) throw new Error(`${email} could not sign in`);
  return session.sessionId;
}

/** The app router as a browser reaches it: a fresh request context from cookies on every call. */
export async function browserCaller(
  db: Database,
  clock: Clock,
  cookies: { sessionId?: string; supportSessionId?: string },
) {
  return createCaller(await requestContext(db, clock, cookies));
}

/** Grants support access to a team as one of its managers and opens a support session on it from the staff console. */
export async function openSupportView(
  db: Database,
  clock: Clock,
  input: { teamId: string; grantedBy: string; staffSessionId: string; hours?: number },
): Promise<{ grantId: string; supportSessionId: string; endsAt: Date }> {
  const manager = await browserCaller(db, clock, { sessionId: await signInDemo(db, clock, input.grantedBy) });
  const grant = await manager.supportAccess.grant({
    teamId: input.teamId,
    hours: input.hours ?? 4,
    note: "Ticket 4711",
  });
  const staff = await browserCaller(db, clock, { sessionId: input.staffSessionId });
  const session = await staff.staffConsole.open({
    teamId: input.teamId,
    reason: "Ticket 4711: seat count looks wrong",
  });
  return { grantId: grant.id, supportSessionId: session.id, endsAt: session.endsAt };
}
