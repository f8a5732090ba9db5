import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The browser must never receive server code: secrets, the database, the domain. Next refuses to
 * build a client component that reaches a module marked `import "server-only"`; this test names
 * the whole import chain, and also catches client code reaching server/ or db/ before anyone marks it.
 */
const ROOT = join(import.meta.dirname, "..");
const SCANNED = ["app", "lib", "server", "db"];
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

interface Module {
  file: string;
  usesClient: boolean;
  /** A server actions module: the client receives references to its functions, not its code. */
  usesServer: boolean;
  marksServerOnly: boolean;
  /** Files this module loads at run time (type-only imports are erased). */
  runtimeImports: string[];
  /** Every file this module names in an import or re-export, types included. */
  allImports: string[];
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The file a specifier names, for `@/…` and relative specifiers; packages are outside the boundary. */
function resolveSpecifier(specifier: string, importer: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(dirname(importer), specifier)
      : undefined;
  if (!base) return undefined;
  return EXTENSIONS.map((extension) => base + extension).find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function readModule(file: string): Module {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const module: Module = {
    file,
    usesClient: false,
    usesServer: false,
    marksServerOnly: false,
    runtimeImports: [],
    allImports: [],
  };
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) {
      if (statement.expression.text === "use client") module.usesClient = true;
      if (statement.expression.text === "use server") module.usesServer = true;
    }
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (specifier.text === "server-only") module.marksServerOnly = true;
    const target = resolveSpecifier(specifier.text, file);
    if (!target) continue;
    module.allImports.push(target);
    if (!isTypeOnly(statement)) module.runtimeImports.push(target);
  }
  return module;
}

const modules = new Map<string, Module>();
function moduleAt(file: string): Module {
  let module = modules.get(file);
  if (!module) {
    module = readModule(file);
    modules.set(file, module);
  }
  return module;
}

const name = (file: string) => relative(ROOT, file);
const isServerModule = (module: Module) => /^(server|db)\//.test(name(module.file)) || module.marksServerOnly;

/**
 * The shortest import chain from a client module to a server module, if there is one. The walk
 * stops at server actions modules, which are the boundary's sanctioned crossing.
 */
function chainToServer(client: Module): string[] | undefined {
  const cameFrom = new Map<string, string | null>([[client.file, null]]);
  const queue = [client.file];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const module = moduleAt(file);
    if (file !== client.file && isServerModule(module)) {
      const chain: string[] = [];
      for (let at: string | null | undefined = file; at; at = cameFrom.get(at)) chain.unshift(name(at));
      return chain;
    }
    if (module.usesServer) continue;
    for (const next of module.runtimeImports) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

const allFiles = SCANNED.flatMap((folder) => sourceFiles(join(ROOT, folder)));

describe("the server/client boundary", () => {
  it("no client component reaches server code through its imports", () => {
    const chains = allFiles
      .map(moduleAt)
      .filter((module) => module.usesClient)
      .flatMap((client) => {
        const chain = chainToServer(client);
        return chain ? [chain.join(" → ")] : [];
      });
    expect(chains).toEqual([]);
  });

  it("db/ imports nothing from server/: the schema and the client sit below the domain", () => {
    const imports = allFiles
      .filter((file) => name(file).startsWith("db/"))
      .flatMap((file) =>
        moduleAt(file)
          .allImports.filter((target) => name(target).startsWith("server/"))
          .map((target) => `${name(file)} → ${name(target)}`),
      );
    expect(imports).toEqual([]);
  });
});
