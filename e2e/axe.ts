import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const COLOR_SCHEMES = ["light", "dark"] as const;

/**
 * Checks what the page shows now against WCAG 2.1 AA in the light and the dark colour scheme,
 * and fails on every serious or critical violation, naming the rule and the elements it found.
 */
export async function expectAccessible(page: Page, what: string) {
  const found: string[] = [];
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(WCAG_AA)
      .setLegacyMode(true)
      .options({ resultTypes: ["violations"] })
      .analyze();
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
