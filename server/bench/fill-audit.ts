import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { desc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { auditEventHash, GENESIS_HASH, type HashedAuditFields } from "../audit/event-hash";
import { emailKeyOf, newSalt, personalDigest, personalFieldsOf } from "../audit/personal-fields";
import { chainKey } from "../events/chain-head";
import { withIndexesRebuilt } from "./rebuild-indexes";

/** Actions with their weights: a few common, some rare, so filters select very different shares. */
const ACTIONS: Array<[string, number]> = [
  ["membership.added", 300],
  ["settings.updated", 200],
  ["invitation.created", 150],
  ["group.members_added", 120],
  ["account.profile_updated", 80],
  ["host.unreachable", 60],
  ["custom_app.created", 30],
  ["membership.removed", 25],
  ["api_key.created", 15],
  ["support.session.started", 10],
  ["identity_provider.updated", 5],
  ["subscription.renewed", 3],
  ["team.renamed", 1],
];
const ACTION_OF: string[] = ACTIONS.flatMap(([action, weight]) => Array<string>(weight).fill(action));
const PEOPLE = 300;
const SYSTEM_LABELS = ["renewal", "retention", "invitation-expiry", "anchor"];
const DAY = 86_400_000;
const BATCH = 20_000;

const EVENT_COLUMNS =
  "id, team_id, seq, occurred_at, actor_type, actor_id, actor_label, on_behalf_of_account_id, action, target_type, target_id, before, after, ip, user_agent, request_id, prev_hash, hash";
const FIELD_COLUMNS = "event_id, team_id, path, digest, salt, account_id, email_key";

/** A deterministic uuid per number and kind, so actors repeat across events. */
const idOf = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * Appends `count` events to the team's audit chain, as `recordAudit` would have written them
 * (same fields, personal values as salted digests, the project's own hash), spread over the
 * last `days` days, in COPY batches. Actors: people of the team (skewed, so some are frequent
 * and some rare), support staff, jobs and API keys.
 */
export async function fillAuditChain(
  db: Database,
  databaseUrl: string,
  teamId: string,
  size: { count: number; days: number },
) {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.teamId, teamId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const start = Date.now() - size.days * DAY;
  const step = (size.days * DAY) / size.count;
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });

  const eventAt = (i: number) => {
    const r = (Math.imul(i, 2654435761) >>> 0) / 2 ** 32;
    const fields: HashedAuditFields = {
      id: randomUUID(),
      teamId,
      seq: ++seq,
      // Roughly in order of seq, a few seconds either way, as concurrent requests are.
      occurredAt: new Date(Math.round(start + i * step + (r - 0.5) * 4000)),
      actorType: "system",
      actorId: null,
      actorLabel: "",
      onBehalfOfAccountId: null,
      action: ACTION_OF[i % ACTION_OF.length]!,
      targetType: null,
      targetId: null,
      before: null,
      after: null,
      ip: `198.51.100.${i % 250}`,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
      requestId: `req-${i.toString(36)}`,
      prevHash,
    };
    let actorAccountId: string | null = null;
    const kind = i % 20;
    if (kind < 12) {
      const person = Math.floor(PEOPLE * r * r);
      actorAccountId = idOf(1, person);
      Object.assign(fields, {
        actorType: "account",
        actorId: actorAccountId,
        actorLabel: `person${person}@acme.example`,
      });
    } else if (kind < 14) {
      const staffMember = i % 5;
      actorAccountId = idOf(2, staffMember);
      Object.assign(fields, {
        actorType: "staff",
        actorId: idOf(3, staffMember),
        actorLabel: `support${staffMember}@console.example`,
      });
    } else if (kind < 18) {
      Object.assign(fields, { actorLabel: SYSTEM_LABELS[i % SYSTEM_LABELS.length] });
    } else {
      const key = i % 7;
      Object.assign(fields, { actorType: "api_token", actorId: idOf(4, key), actorLabel: `api_key:cc_${key}abcd` });
    }
    const member = i % 50_000;
    if (fields.action.startsWith("membership.") || fields.action === "invitation.created") {
      Object.assign(fields, {
        targetType: "membership",
        targetId: idOf(5, member),
        after: { email: `user${member}@bench${member % 500}.example`, role: "member", licensed: i % 3 === 0 },
      });
    } else if (fields.action === "settings.updated") {
      Object.assign(fields, {
        targetType: "team",
        targetId: teamId,
        before: { mfaRequired: false, sessionIdleMinutes: 120 },
        after: { mfaRequired: i % 2 === 0, sessionIdleMinutes: 60 + (i % 5) * 30 },
      });
    } else if (fields.action === "account.profile_updated") {
      Object.assign(fields, {
        targetType: "account",
        targetId: idOf(1, member % PEOPLE),
        before: { name: `Person ${member}` },
        after: { name: `Person ${member} Jr.`, language: "en" },
      });
    } else {
      Object.assign(fields, { targetType: "group", targetId: idOf(6, i % 1000), after: { n: i, names: ["a", "b"] } });
    }
    const personal = personalFieldsOf({ ...fields, actorAccountId }).map((field) => {
      const salt = newSalt();
      return { ...field, salt, digest: personalDigest(salt, field.value) };
    });
    const hash = auditEventHash(fields, personal);
    prevHash = hash;
    return { fields, personal, hash };
  };

  try {
    await withIndexesRebuilt(db, ["audit_events", "audit_personal_fields"], async () => {
      let pending: Promise<void> = Promise.resolve();
      for (let from = 0; from < size.count; from += BATCH) {
        const events: string[] = [];
        const fields: string[] = [];
        for (let i = from; i < Math.min(size.count, from + BATCH); i++) {
          const { fields: f, personal, hash } = eventAt(i);
          events.push(
            row([
              f.id,
              f.teamId,
              String(f.seq),
              f.occurredAt.toISOString(),
              f.actorType,
              f.actorId,
              f.actorLabel,
              f.onBehalfOfAccountId,
              f.action,
              f.targetType,
              f.targetId,
              json(f.before),
              json(f.after),
              f.ip,
              f.userAgent,
              f.requestId,
              f.prevHash,
              hash,
            ]),
          );
          for (const p of personal) {
            fields.push(
              row([f.id, teamId, JSON.stringify(p.path), p.digest, p.salt, p.accountId, emailKeyOf(p.value)]),
            );
          }
        }
        // Hash the next batch while this one is copied in; events first, for the fields' foreign key.
        await pending;
        pending = (async () => {
          await copy(client, "audit_events", EVENT_COLUMNS, events.join(""));
          await copy(client, "audit_personal_fields", FIELD_COLUMNS, fields.join(""));
        })();
      }
      await pending;
    });
  } finally {
    await client.end();
  }
  await db.execute(sql`
    insert into event_dispatch_cursors (chain, team_id, head_seq) values (${chainKey(teamId)}, ${teamId}::uuid, ${seq})
    on conflict (chain) do update set head_seq = excluded.head_seq`);
  await db.execute(sql`analyze audit_events`);
  await db.execute(sql`analyze audit_personal_fields`);
  return { headSeq: seq, firstAt: new Date(start) };
}

async function copy(client: postgres.Sql, table: string, columns: string, text: string) {
  const stream = await client.unsafe(`copy ${table} (${columns}) from stdin`).writable();
  await pipeline(Readable.from([text]), stream);
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** One line of COPY's text format. */
function row(values: Array<string | null>): string {
  return `${values.map((v) => (v === null ? "\\N" : v.replace(/[\\\t\n\r]/g, escapeChar))).join("\t")}\n`;
}

function escapeChar(c: string): string {
  return c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r";
}
