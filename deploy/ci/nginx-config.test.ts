import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONSOLE_CONF, fillTemplate } from "./nginx-config";
import { judgeTestssl } from "./testssl";

const deploy = path.join(import.meta.dirname, "..");
/** A placeholder of the template, as written there. */
const slot = (name: string) => `\${${name}}`;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]))];

describe("the proxy's configuration", () => {
  const template = fs.readFileSync(CONSOLE_CONF, "utf8");

  it("is filled in from the same names by the proxy image, compose and the CI check", () => {
    const names = placeholders(template).sort();
    const dockerfile = fs.readFileSync(path.join(deploy, "nginx", "Dockerfile"), "utf8");
    const substituted = /envsubst '([^']*)'/.exec(dockerfile)?.[1] ?? "";
    expect(placeholders(substituted).sort()).toEqual(names);

    const compose = fs.readFileSync(path.join(deploy, "compose.yaml"), "utf8");
    const proxy = compose.slice(compose.indexOf("\n  proxy:"));
    for (const name of names) expect(proxy).toMatch(new RegExp(`\\n {6}${name}: \\S`));

    const check = fs.readFileSync(path.join(import.meta.dirname, "production-check.ts"), "utf8");
    for (const name of names) expect(check).toMatch(new RegExp(`\\n {4}${name}: \\S`));
  });

  it("refuses a missing value and a value it has no place for", () => {
    const port = `listen ${slot("HTTPS_PORT")};`;
    expect(() => fillTemplate(port, {})).toThrow(`needs a value for ${slot("HTTPS_PORT")}`);
    expect(() => fillTemplate(port, { HTTPS_PORT: "443", HTTP_PORT: "80" })).toThrow(`has no ${slot("HTTP_PORT")}`);
    expect(fillTemplate(`${port} return 308 $request_uri;`, { HTTPS_PORT: "443" })).toBe(
      "listen 443; return 308 $request_uri;",
    );
  });
});

describe("the testssl verdict", () => {
  const passing = [
    ...["SSLv2", "SSLv3", "TLS1", "TLS1_1"].map((id) => ({ id, finding: "not offered" })),
    { id: "TLS1_2", finding: "offered" },
    { id: "TLS1_3", finding: "offered with final" },
    ...["NULL", "aNULL", "EXPORT", "LOW", "3DES_IDEA", "AVERAGE"].map((name) => ({
      id: `cipherlist_${name}`,
      finding: "not offered",
    })),
    { id: "cipherlist_STRONG", finding: "offered" },
  ];

  it("passes a proxy with TLS 1.2 and 1.3 and only AEAD ciphers", () => {
    expect(judgeTestssl(passing).failures).toEqual([]);
  });

  it("fails an old protocol, a weak cipher category and a check that was not run", () => {
    const findings = passing
      .filter((finding) => finding.id !== "cipherlist_NULL")
      .map((finding) =>
        finding.id === "TLS1_1" || finding.id === "cipherlist_AVERAGE" ? { ...finding, finding: "offered" } : finding,
      );
    expect(judgeTestssl(findings).failures).toEqual([
      "TLS 1.1 must not be offered (testssl: offered)",
      "NULL ciphers must not be offered (testssl: not tested)",
      "obsolete CBC ciphers must not be offered (testssl: offered)",
    ]);
  });
});
