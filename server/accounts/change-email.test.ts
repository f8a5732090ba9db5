import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, mailOutbox, teamSettings, teams } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { noRequest, systemActor } from "../actor";
import { fixedClock } from "../clock";
import { openMailContent } from "../mail/mail-content";
import { createCaller } from "../routers/root";
import { accountActor, contextFor } from "../testing/callers";
import { createAccount } from "./create-account";

const database = setUpTestDatabase();
const clock = fixedClock("2026-04-03T10:00:00Z");

async function callerFor(email: string) {
  return createCaller(contextFor(database.handle.db, await accountActor(database.handle.db, email), { clock }));
}
const anonymous = () => createCaller(contextFor(database.handle.db, undefined, { clock }));

async function accountRow(id: string) {
  const [row] = await database.handle.db.select().from(accounts).where(eq(accounts.id, id));
  return row!;
}
async function accountId(email: string) {
  return ((await accountActor(database.handle.db, email)) as { accountId: string }).accountId;
}

async function mailsTo(address: string) {
  const rows = await database.handle.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, address))
    .orderBy(desc(mailOutbox.createdAt));
  return rows.map((row) => ({ ...row, ...openMailContent(row) }));
}

/** The token in the confirmation link mailed to the new address. */
async function linkTokenMailedTo(address: string): Promise<string> {
  const [mail] = (await mailsTo(address)).filter(
    (m) => m.subject === "Confirm your new Customer Console email address",
  );
  const match = /https?:\/\/\S+\/confirm-email\/(\S+)/.exec(mail?.text ?? "");
  expect(match, `a confirmation link mailed to ${address}`).not.toBeNull();
  return match![1]!;
}

async function setManagedUsersMayChangeEmail(teamName: string, allowed: boolean) {
  const [team] = await database.handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, teamName));
  await database.handle.db
    .update(teamSettings)
    .set({ managedUsersMayChangeEmail: allowed })
    .where(eq(teamSettings.teamId, team!.id));
}

describe("changing one's email address", () => {
  it("mails a link to the new address and a notice to the old one; the link switches the address once", async () => {
    const id = await accountId("hana.sato@acme.example");
    await (await callerFor("hana.sato@acme.example")).profile.requestEmailChange({
      newEmail: " hana@sato.example ",
      password: DEMO_PASSWORD,
    });

    expect((await mailsTo("hana.sato@acme.example")).map((m) => m.subject)).toEqual([
      "Your Customer Console email address is about to change",
    ]);
    const token = await linkTokenMailedTo("hana@sato.example");
    expect((await accountRow(id)).email).toBe("hana.sato@acme.example");
    expect((await (await callerFor("hana.sato@acme.example")).profile.get()).pendingEmailChange).toEqual({
      newEmail: "hana@sato.example",
      expiresAt: new Date(clock.now().getTime() + 24 * 60 * 60 * 1000),
    });

    clock.advance(60 * 60 * 1000);
    expect(await anonymous().profile.confirmEmailChange({ token })).toEqual({ email: "hana@sato.example" });
    expect(await accountRow(id)).toMatchObject({ email: "hana@sato.example", emailVerifiedAt: clock.now() });
    expect((await mailsTo("hana.sato@acme.example")).map((m) => m.subject)).toContain(
      "Your Customer Console email address was changed",
    );

    const events = await database.handle.db
      .select({
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .where(and(isNull(auditEvents.teamId), eq(auditEvents.targetId, id)))
      .orderBy(auditEvents.seq);
    expect(events.slice(-2)).toEqual([
      {
        action: "account.email_change_requested",
        actorId: id,
        before: { email: "hana.sato@acme.example" },
        after: { newEmail: "hana@sato.example" },
      },
      {
        action: "account.email_changed",
        actorId: id,
        before: { email: "hana.sato@acme.example" },
        after: { email: "hana@sato.example" },
      },
    ]);

    await expect(anonymous().profile.confirmEmailChange({ token })).rejects.toThrow(
      "This confirmation link is not valid any more. Ask for a new one from your profile.",
    );
  });

  it("refuses a wrong password, the current address, a malformed one and one another account uses", async () => {
    const api = await callerFor("oliver.brown@acme.example");
    await expect(
      api.profile.requestEmailChange({ newEmail: "oliver@brown.example", password: "wrong" }),
    ).rejects.toThrow("The current password is not right.");
    await expect(
      api.profile.requestEmailChange({ newEmail: "Oliver.Brown@acme.example", password: DEMO_PASSWORD }),
    ).rejects.toThrow("oliver.brown@acme.example is already your email address. Type the new one.");
    await expect(
      api.profile.requestEmailChange({ newEmail: "oliver at brown", password: DEMO_PASSWORD }),
    ).rejects.toThrow("Type the new email address in full, for example name@example.com.");
    await expect(
      api.profile.requestEmailChange({ newEmail: "MANAGER@acme.example", password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another account already uses MANAGER@acme.example. Choose a different address.",
    });
    expect(await mailsTo("oliver@brown.example")).toEqual([]);
  });

  it("refuses the switch when another account took the address meanwhile", async () => {
    const id = await accountId("amara.okafor@acme.example");
    await (await callerFor("amara.okafor@acme.example")).profile.requestEmailChange({
      newEmail: "amara@okafor.example",
      password: DEMO_PASSWORD,
    });
    const token = await linkTokenMailedTo("amara@okafor.example");
    await createAccount(
      database.handle.db,
      { actor: systemActor("test"), clock, request: noRequest },
      {
        email: "Amara@Okafor.example",
        name: "Someone Else",
        password: "another long password 2026",
        emailVerified: true,
      },
    );

    await expect(anonymous().profile.confirmEmailChange({ token })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another account already uses amara@okafor.example. Choose a different address.",
    });
    expect((await accountRow(id)).email).toBe("amara.okafor@acme.example");
  });

  it("refuses a link after 24 hours and a made-up link", async () => {
    await (await callerFor("jonas.berg@acme.example")).profile.requestEmailChange({
      newEmail: "jonas@berg.example",
      password: DEMO_PASSWORD,
    });
    const token = await linkTokenMailedTo("jonas@berg.example");
    clock.advance(24 * 60 * 60 * 1000);
    await expect(anonymous().profile.confirmEmailChange({ token })).rejects.toThrow(
      "This confirmation link has expired: links are valid 24 hours. Ask for a new one from your profile.",
    );
    await expect(anonymous().profile.confirmEmailChange({ token: "not-a-link" })).rejects.toThrow(
      "This confirmation link is not valid any more.",
    );
    expect((await accountRow(await accountId("jonas.berg@acme.example"))).email).toBe("jonas.berg@acme.example");
  });

  it("follows the managing team's setting for managed accounts, and not for external ones", async () => {
    await setManagedUsersMayChangeEmail("Acme Corp", false);
    const managed = await callerFor("priya.nair@acme.example");
    const refusal =
      "Your account is managed by Acme Corp, which does not let its users change their email address. Ask an owner or team manager of Acme Corp to change it for you.";
    expect((await managed.profile.get()).emailChangeRefusal).toBe(refusal);
    await expect(
      managed.profile.requestEmailChange({ newEmail: "priya@nair.example", password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: refusal,
    });

    const external = await callerFor("jade.fontaine@partner.example");
    expect((await external.profile.get()).emailChangeRefusal).toBeNull();
    await external.profile.requestEmailChange({ newEmail: "jade@fontaine.example", password: DEMO_PASSWORD });

    // A link asked for while allowed stops working once the team forbids it.
    await setManagedUsersMayChangeEmail("Acme Corp", true);
    await managed.profile.requestEmailChange({ newEmail: "priya@nair.example", password: DEMO_PASSWORD });
    const token = await linkTokenMailedTo("priya@nair.example");
    await setManagedUsersMayChangeEmail("Acme Corp", false);
    await expect(anonymous().profile.confirmEmailChange({ token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: refusal,
    });
    await setManagedUsersMayChangeEmail("Acme Corp", true);
  });
});
