import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "@/lib/chromium";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageAudit {
  scores: Record<Category, number>;
  /** The JavaScript the page loaded: bytes on the wire (as served, gzip) and decoded. */
  script: { files: number; transfer: number; raw: number };
  /** The document's server response time, as Lighthouse measured it. */
  serverResponseMs: number;
  metrics: { lcpMs: number; tbtMs: number; cls: number };
  /** Audits that lost points, with Lighthouse's title, for the console's maintainers to act on. */
  failures: { category: Category; id: string; title: string; display?: string }[];
}

export interface LighthouseBrowser {
  audit: (url: string, cookie?: string) => Promise<PageAudit>;
  close: () => Promise<void>;
}

/**
 * One headless Chromium driven by Lighthouse with its desktop preset (an admin console is used
 * on a desktop). Each audit is a cold navigation: Lighthouse resets the origin's storage and
 * cache first, and the session travels as an extra Cookie header.
 */
export async function openLighthouse(): Promise<LighthouseBrowser> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
  return {
    audit: async (url, cookie) => {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      return summarise(result.lhr, url);
    },
    close: async () => {
      chrome.kill();
    },
  };
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

function summarise(lhr: Result, url: string): PageAudit {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failures: PageAudit["failures"] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      failures.push({ category, id: ref.id, title: audit.title, display: audit.displayValue });
    }
  }
  const requests = (lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
  const scripts = requests.filter((item) => item.resourceType === "Script");
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores,
    script: {
      files: scripts.length,
      transfer: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
      raw: scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
    },
    serverResponseMs: numeric("server-response-time"),
    metrics: {
      lcpMs: numeric("largest-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
    },
    failures,
  };
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}
