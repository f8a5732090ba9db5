import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const SCANNED = ["server", "db", "app"];
/** Receivers that are a drizzle database or transaction: `db`, `tx`, `db()`, `handle.db` … */
const DATABASE_RECEIVER = /(^|\.)(db|tx|database)(\(\))?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      return ["node_modules", "migrations", "testing"].includes(entry.name) ? [] : sourceFiles(path);
    // Tests may empty a table they own; the code that runs in the console may not.
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The calls chained onto `call`: for `db.update(t).set(x).where(y)` from `db.update(t)`, ["set", "where"]. */
function chainedCalls(call: ts.CallExpression): string[] {
  const names: string[] = [];
  let node: ts.Node = call;
  while (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
    names.push(node.parent.name.text);
    node = node.parent.parent;
  }
  return names;
}

/** Every drizzle `update` or `delete` outside the tests that has no `where`: each would change a whole table. */
function statementsWithoutWhere(): string[] {
  const found: string[] = [];
  for (const file of SCANNED.flatMap((folder) => sourceFiles(join(ROOT, folder)))) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ["update", "delete"].includes(node.expression.name.text) &&
        DATABASE_RECEIVER.test(node.expression.expression.getText(source))
      ) {
        const chain = chainedCalls(node);
        if (!chain.includes("where")) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${relative(ROOT, file)}:${line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("database statements", () => {
  it("every update and delete names the rows it changes with a where", () => {
    expect(statementsWithoutWhere()).toEqual([]);
  });

  it("the scan finds the statements it checks", () => {
    const probe = ts.createSourceFile(
      "probe.ts",
      "tx.delete(t).where(x); db().update(t).set(y);",
      ts.ScriptTarget.Latest,
      true,
    );
    const calls: string[][] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        if (["update", "delete"].includes(node.expression.name.text)) calls.push(chainedCalls(node));
      }
      ts.forEachChild(node, visit);
    };
    visit(probe);
    expect(calls).toEqual([["where"], ["set"]]);
  });
});
