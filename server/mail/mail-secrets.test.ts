import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { DAY_MS } from "@/lib/time";
import { DEMO_PASSWORD } from "@/server/demo/seed";
import { requestPasswordReset } from "../accounts/password-reset";
import { signUp } from "../accounts/sign-up";
import { noRequest } from "../actor";
import { fixedClock } from "../clock";
import { createCaller } from "../routers/root";
import { accountActor, callerForEmail, contextFor } from "../testing/callers";
import { demoTeamId } from "../testing/demo";
import { deliverDueMail, type MailTransport } from "./deliver-mail";
import { MAIL_RETENTION_DAYS, runMailRetentionJob } from "./mail-retention-job";
import { listMailbox } from "./mailbox";

const database = setUpTestDatabase();

/** Every stored column of every outbox row, as PostgreSQL prints the row. */
async function storedOutbox(): Promise<string> {
  const rows = rowsOf<{ row: string }>(
    await database.handle.db.execute(sql`select ${mailOutbox}::text as row from ${mailOutbox}`),
  );
  return rows.map((r) => r.row).join("\n");
}

/** The newest mail to an address as the Mailbox shows it, and the secret its pattern finds. */
async function secretMailedTo(to: string, pattern: RegExp): Promise<string> {
  const [mail] = await listMailbox(database.handle.db, to);
  const found = pattern.exec(`${mail!.subject}\n${mail!.text}`);
  expect(found, `a secret in the mail to ${to}`).not.toBeNull();
  return found![1]!;
}

describe("secrets in the outbox", () => {
  it("are readable in the Mailbox but stored in no column in plaintext: invitation, reset, verification and email change", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-08-01T09:00:00Z");
    const manager = await callerForEmail(db, "manager@acme.example");
    await manager.invitations.invite({
      teamId: await demoTeamId(db, "Acme Corp"),
      emails: ["sealed@partner.example"],
      role: "member",
      licensed: false,
      groupIds: [],
    });
    await requestPasswordReset(db, { clock, request: noRequest }, "jonas.berg@acme.example");
    await signUp(
      db,
      { clock, request: noRequest },
      { name: "Vera Sealed", email: "vera@sealed.example", password: "a long sealed passphrase" },
    );
    const hana = createCaller(contextFor(db, await accountActor(db, "hana.sato@acme.example"), { clock }));
    await hana.profile.requestEmailChange({ newEmail: "hana.new@sealed.example", password: DEMO_PASSWORD });

    const secrets = [
      await secretMailedTo("sealed@partner.example", /\/invitations\/([A-Za-z0-9_-]+)/),
      await secretMailedTo("jonas.berg@acme.example", /\/reset-password\/(\S+)/),
      await secretMailedTo("vera@sealed.example", /code: (\d{6})/),
      await secretMailedTo("hana.new@sealed.example", /\/confirm-email\/(\S+)/),
    ];
    const stored = await storedOutbox();
    for (const secret of secrets) expect(stored).not.toContain(secret);
    expect(stored).not.toContain("invitations/");
  });

  it("go out whole over the transport, which gets the decrypted mail", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-08-02T09:00:00Z");
    await signUp(
      db,
      { clock, request: noRequest },
      { name: "Sent Whole", email: "whole@sealed.example", password: "a long sealed passphrase" },
    );
    const code = await secretMailedTo("whole@sealed.example", /code: (\d{6})/);
    const sent: Array<{ to: string; subject: string; text: string }> = [];
    const transport: MailTransport = { send: async (mail) => void sent.push(mail) };
    await deliverDueMail(db, transport, clock, 500);
    const mine = sent.filter((m) => m.to === "whole@sealed.example");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain(code);
    expect(mine[0]!.text).toContain(code);
  });
});

describe("outbox retention", () => {
  it("deletes mail delivered 7 days ago or more, and mail due that long ago that never went out; newer mail stays", async () => {
    const { db } = database.handle;
    const now = new Date("2026-09-20T12:00:00Z");
    const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY_MS + ms);
    // Any encrypted mail serves as the content of these rows.
    const [template] = await db.select().from(mailOutbox).limit(1);
    const rows = {
      sentDue: { sentAt: ago(MAIL_RETENTION_DAYS), sendAfter: ago(30) },
      sentLongAgo: { sentAt: ago(30), sendAfter: ago(30) },
      sentDayBefore: { sentAt: ago(MAIL_RETENTION_DAYS, 1), sendAfter: ago(30) },
      sentToday: { sentAt: ago(0), sendAfter: ago(0) },
      neverSentDue: { sentAt: null, sendAfter: ago(MAIL_RETENTION_DAYS) },
      neverSentRecent: { sentAt: null, sendAfter: ago(MAIL_RETENTION_DAYS - 1) },
    };
    await db.delete(mailOutbox);
    for (const [name, times] of Object.entries(rows)) {
      await db.insert(mailOutbox).values({
        toAddress: `${name}@retention.example`,
        subject: template!.subject,
        textBody: template!.textBody,
        createdAt: ago(30),
        ...times,
      });
    }

    expect(await runMailRetentionJob(db, fixedClock(now))).toEqual({ deleted: 3 });
    const left = (await db.select({ to: mailOutbox.toAddress }).from(mailOutbox)).map((r) => r.to.split("@")[0]).sort();
    expect(left).toEqual(["neverSentRecent", "sentDayBefore", "sentToday"]);
    expect(await runMailRetentionJob(db, fixedClock(now))).toEqual({ deleted: 0 });
  });
});
