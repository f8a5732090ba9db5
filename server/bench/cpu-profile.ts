import fs from "node:fs";

/**
 * `tsx server/bench/cpu-profile.ts FILE.cpuprofile [N]`: where a V8 CPU profile spent its time,
 * as self time summed by function and by script, and as total time (with callees) by function,
 * the N (30) largest of each.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, top = "30"] = process.argv.slice(2);
if (!file) throw new Error("give a .cpuprofile file");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const scriptOf = (node: ProfileNode) =>
  node.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/\.next\//, ".next/") || "(native)";
const nameOf = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${scriptOf(node)}:${node.callFrame.lineNumber + 1}`;
const byFunction = new Map<string, number>();
const byScript = new Map<string, number>();
const withCallees = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  byFunction.set(nameOf(node), (byFunction.get(nameOf(node)) ?? 0) + micros);
  byScript.set(scriptOf(node), (byScript.get(scriptOf(node)) ?? 0) + micros);
  // Each function on the sample's stack once, however deep it recurses.
  const onStack = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) onStack.add(nameOf(byId.get(at)!));
  for (const name of onStack) withCallees.set(name, (withCallees.get(name) ?? 0) + micros);
  total += micros;
});
for (const [title, table] of [
  ["self time by function", byFunction],
  ["self time by script", byScript],
  ["total time by function", withCallees],
] as const) {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(1)} s)`);
  for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(
      `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
}
