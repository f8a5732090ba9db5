import { expect, type Frame, type Page } from "@playwright/test";
import axe from "axe-core";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const COLOR_SCHEMES = ["light", "dark"] as const;

type AxeWindow = Window & { axe?: typeof axe };
interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string[]; failureSummary: string | undefined }[];
}

async function injectAxe(frame: Frame) {
  if (await frame.evaluate(() => Boolean((window as AxeWindow).axe))) return;
  await frame.evaluate(axe.source);
  await frame.evaluate(() => (window as AxeWindow).axe!.configure({ allowedOrigins: ["<same_origin>"] }));
}

/**
 * Checks what the page shows now against WCAG 2.1 AA in the light and the dark colour scheme,
 * and fails on every serious or critical violation, naming the rule and the elements it found.
 * axe is put into each frame once per document and run there for both schemes: loading its half
 * a megabyte of script costs several times what a run does.
 */
export async function expectAccessible(page: Page, what: string) {
  await injectAxe(page.mainFrame());
  // A child frame that goes away or refuses the script is left out, as axe's own Playwright runner does.
  const childFrames = page.frames().filter((frame) => frame !== page.mainFrame());
  await Promise.all(childFrames.map((frame) => injectAxe(frame).catch(() => {})));
  const found: string[] = [];
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async (tags): Promise<Violation[]> => {
      const results = await (window as AxeWindow).axe!.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return results.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
      }));
    }, WCAG_AA);
    for (const violation of violations) {
      if (violation.impact !== "serious" && violation.impact !== "critical") continue;
      for (const node of violation.nodes) {
        found.push(
          `${what} (${colorScheme}) ${violation.impact} ${violation.id}: ${violation.help} at ${node.target.join(" ")}\n    ${node.failureSummary?.replaceAll("\n", "\n    ") ?? ""}`,
        );
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect.soft(found, found.join("\n")).toEqual([]);
}
