import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { raceTest } from "@/db/testing/concurrency";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { fixedClock } from "../clock";
import { type CaughtMail, startMailCatcher } from "../testing/mail-catcher";
import { deliverDueMail, MAX_ATTEMPTS, type MailTransport, retryDelayMs } from "./deliver-mail";
import { enqueueMail } from "./enqueue-mail";
import { smtpTransport } from "./smtp-transport";

const database = setUpTestDatabase();
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
let received: CaughtMail[] = [];
let port = 0;

beforeAll(async () => {
  catcher = await startMailCatcher();
  ({ received, port } = catcher);
});
afterAll(() => catcher.close());

describe("mail delivery", () => {
  it("delivers queued mail over SMTP, once", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-11-27T10:00:00Z");
    const { id } = await enqueueMail(
      db,
      { to: "reader@mail.example", subject: "Your code", text: "Code: 123456" },
      clock.now(),
    );
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "Console <console@mail.example>");

    expect(await deliverDueMail(db, transport, clock)).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMail(db, transport, clock)).toEqual({ sent: 0, failed: 0 });

    const mine = received.filter((m) => m.to.includes("reader@mail.example"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.raw).toContain("Subject: Your code");
    expect(mine[0]!.raw).toContain("Code: 123456");
    expect(mine[0]!.raw).toContain(`<${id}@customer-console>`);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row!.sentAt).toEqual(clock.now());
  });

  it("deletes a mail marked to be erased as soon as it is sent", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-11-27T11:00:00Z");
    const { id } = await enqueueMail(
      db,
      { to: "last@mail.example", subject: "Goodbye", text: "Deleted.", eraseWhenSent: true },
      clock.now(),
    );
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "Console <console@mail.example>");
    await deliverDueMail(db, transport, clock);
    expect(received.filter((m) => m.to.includes("last@mail.example"))).toHaveLength(1);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.id, id))).toEqual([]);
  });

  it("retries a failed mail later with a growing delay, and sends it when the server answers", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-11-28T10:00:00Z");
    const { id } = await enqueueMail(db, { to: "retry@mail.example", subject: "Retry", text: "…" }, clock.now());
    const sent: string[] = [];
    let up = false;
    const flaky: MailTransport = {
      async send(mail) {
        if (!up) throw new Error("connection refused");
        sent.push(mail.to);
      },
    };

    expect((await deliverDueMail(db, flaky, clock)).failed).toBe(1);
    const [afterFirst] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(afterFirst!.attempts).toBe(1);
    expect(afterFirst!.lastError).toBe("connection refused");
    expect(afterFirst!.sendAfter.getTime() - clock.now().getTime()).toBe(retryDelayMs(1));

    // Not yet due: nothing is tried.
    expect(await deliverDueMail(db, flaky, clock)).toEqual({ sent: 0, failed: 0 });
    clock.advance(retryDelayMs(1));
    expect((await deliverDueMail(db, flaky, clock)).failed).toBe(1);
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

    up = true;
    clock.advance(retryDelayMs(2));
    expect((await deliverDueMail(db, flaky, clock)).sent).toBe(1);
    expect(sent).toEqual(["retry@mail.example"]);
  });

  it(raceTest("never hands one mail to two servers delivering at the same time"), async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-11-29T10:00:00Z");
    for (let i = 0; i < 10; i++)
      await enqueueMail(db, { to: `many${i}@mail.example`, subject: "Many", text: "…" }, clock.now());
    const sent: string[] = [];
    const slow: MailTransport = {
      async send(mail) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(mail.to);
      },
    };
    await Promise.all([
      deliverDueMail(db, slow, clock, 4),
      deliverDueMail(db, slow, clock, 4),
      deliverDueMail(db, slow, clock, 4),
    ]);
    await deliverDueMail(db, slow, clock);
    const many = sent.filter((to) => to.startsWith("many"));
    expect(many).toHaveLength(10);
    expect(new Set(many).size).toBe(10);
  });

  it("gives up after the maximum attempts and keeps the mail with its last error", async () => {
    const { db } = database.handle;
    const clock = fixedClock("2026-11-20T10:00:00Z");
    const { id } = await enqueueMail(db, { to: "unreachable@mail.example", subject: "Never", text: "…" }, clock.now());
    let tries = 0;
    const down: MailTransport = {
      async send(mail) {
        if (mail.to === "unreachable@mail.example") tries += 1;
        throw new Error(`mailbox unavailable (try ${tries})`);
      },
    };

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDueMail(db, down, clock);
      expect(tries).toBe(attempt);
      clock.advance(retryDelayMs(attempt));
    }
    // Due again by its schedule, and a day later still: it is not tried a ninth time.
    await deliverDueMail(db, down, clock);
    clock.advance(24 * 60 * 60 * 1000);
    await deliverDueMail(db, down, clock);
    expect(tries).toBe(MAX_ATTEMPTS);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({
      attempts: MAX_ATTEMPTS,
      lastError: `mailbox unavailable (try ${MAX_ATTEMPTS})`,
      sentAt: null,
    });
  });

  it("hands a mail to another server once the lease of the server that claimed it has run out", async () => {
    const { db } = database.handle;
    // A claimed mail is reserved for two minutes.
    const lease = 2 * 60 * 1000;
    const clock = fixedClock("2026-11-21T10:00:00Z");
    const { id } = await enqueueMail(db, { to: "stuck@mail.example", subject: "Stuck", text: "…" }, clock.now());
    // The first server claims it and then hangs in the middle of sending (it never answers).
    let claimedByFirst = false;
    const hanging: MailTransport = {
      send() {
        claimedByFirst = true;
        return new Promise<void>(() => {});
      },
    };
    void deliverDueMail(db, hanging, fixedClock(clock.now()));
    await expect.poll(() => claimedByFirst).toBe(true);

    const sentBySecond: string[] = [];
    const second: MailTransport = {
      async send(mail) {
        sentBySecond.push(mail.to);
      },
    };
    clock.advance(lease - 1000);
    expect(await deliverDueMail(db, second, clock)).toEqual({ sent: 0, failed: 0 });
    clock.advance(1000);
    expect(await deliverDueMail(db, second, clock)).toEqual({ sent: 1, failed: 0 });
    expect(sentBySecond).toEqual(["stuck@mail.example"]);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row!.sentAt).toEqual(clock.now());
  });
});
