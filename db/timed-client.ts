import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { Sql } from "postgres";

/** Told when each query is sent and when its answer (or error) comes back. */
export interface QueryObserver {
  sent(): void;
  answered(durationMs: number, ok: boolean): void;
}

function timed<T extends PromiseLike<unknown>>(query: T, observer: QueryObserver): T {
  const started = performance.now();
  observer.sent();
  // postgres.js sends a query when it is first awaited; by the next microtask the caller has.
  queueMicrotask(() => {
    query.then(
      () => observer.answered(performance.now() - started, true),
      () => observer.answered(performance.now() - started, false),
    );
  });
  return query;
}

/** Wraps the callback a transaction or savepoint is run with, so its queries are timed too. */
function withTimedClient<C>(args: unknown[], wrap: (client: C) => C): unknown[] {
  const callback = args.at(-1) as (client: C) => unknown;
  return [...args.slice(0, -1), (client: C) => callback(wrap(client))];
}

/** A postgres.js client whose queries, in and out of transactions, are timed; it is otherwise the same. */
export function timedPostgres<T extends Sql>(client: T, observer: QueryObserver): T {
  return new Proxy(client, {
    get(target, property) {
      const wrap = (inner: T) => timedPostgres(inner, observer);
      if (property === "unsafe")
        return (...args: unknown[]) =>
          timed((target.unsafe as (...a: unknown[]) => PromiseLike<unknown>)(...args), observer);
      if (property === "begin")
        return (...args: unknown[]) => (target.begin as (...a: unknown[]) => unknown)(...withTimedClient(args, wrap));
      if (property === "savepoint")
        return (...args: unknown[]) =>
          (target as unknown as { savepoint: (...a: unknown[]) => unknown }).savepoint(...withTimedClient(args, wrap));
      return Reflect.get(target, property);
    },
  });
}

type PgliteClient = PGlite | PgliteTransaction;

/** A PGlite database whose queries, in and out of transactions, are timed; it is otherwise the same. */
export function timedPglite<T extends PgliteClient>(client: T, observer: QueryObserver): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query")
        return (...args: unknown[]) =>
          timed((target.query as (...a: unknown[]) => Promise<unknown>)(...args), observer);
      if (property === "transaction" && "transaction" in target)
        return (...args: unknown[]) =>
          (target.transaction as (...a: unknown[]) => unknown)(
            ...withTimedClient(args, (tx: PgliteTransaction) => timedPglite(tx, observer)),
          );
      const value = Reflect.get(target, property);
      // PGlite's methods use private fields: called on the proxy, they would not find them.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
