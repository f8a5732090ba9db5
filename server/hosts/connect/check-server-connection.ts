import "server-only";
import type { Queryable } from "@/db/client";
import type { DomainContext } from "../../domain-context";
import { requireProduct } from "../../teams/require-product";
import type { ServerConnectionDetails } from "../host-connection";
import { connectionRefusal } from "./connection-refusal";
import { spendConnectionTest } from "./connection-test-budget";
import { testServerConnection } from "./test-server-connection";

/**
 * Tries a FileMaker Server's connection details for a team before anything is saved: the
 * server's version and whether it runs, or a refusal that says what to fix.
 */
export async function checkServerConnection(
  db: Queryable,
  ctx: DomainContext,
  input: ServerConnectionDetails & { teamId: string },
): Promise<{ version: string; running: boolean }> {
  const { teamId, ...details } = input;
  await requireProduct(db, teamId, "filemaker_cloud", "hosts");
  await spendConnectionTest(db, teamId, ctx.clock.now());
  const test = await testServerConnection(details);
  if (!test.ok) throw connectionRefusal(test, details);
  return { version: test.version, running: test.running };
}
