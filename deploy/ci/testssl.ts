import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** One finding of testssl's flat JSON output. */
export interface TestsslFinding {
  id: string;
  finding: string;
}

/** What testssl must find: protocols below TLS 1.2 and weak cipher categories not offered, the rest offered. */
const EXPECTED: { id: string; label: string; offered: boolean }[] = [
  { id: "SSLv2", label: "SSLv2", offered: false },
  { id: "SSLv3", label: "SSLv3", offered: false },
  { id: "TLS1", label: "TLS 1.0", offered: false },
  { id: "TLS1_1", label: "TLS 1.1", offered: false },
  { id: "TLS1_2", label: "TLS 1.2", offered: true },
  { id: "TLS1_3", label: "TLS 1.3", offered: true },
  { id: "cipherlist_NULL", label: "NULL ciphers", offered: false },
  { id: "cipherlist_aNULL", label: "anonymous (aNULL) ciphers", offered: false },
  { id: "cipherlist_EXPORT", label: "export ciphers", offered: false },
  { id: "cipherlist_LOW", label: "LOW ciphers (64 bit, DES, RC2, RC4)", offered: false },
  { id: "cipherlist_3DES_IDEA", label: "3DES and IDEA ciphers", offered: false },
  { id: "cipherlist_AVERAGE", label: "obsolete CBC ciphers", offered: false },
  { id: "cipherlist_STRONG", label: "strong (AEAD) ciphers", offered: true },
];

export interface TestsslVerdict {
  lines: string[];
  failures: string[];
}

/**
 * The verdict on `testssl --protocols --std`, one line per expectation. A check testssl did
 * not report counts as failed, so a scan that broke off cannot pass.
 */
export function judgeTestssl(findings: TestsslFinding[]): TestsslVerdict {
  const byId = new Map(findings.map((finding) => [finding.id, finding.finding]));
  const lines: string[] = [];
  const failures: string[] = [];
  for (const { id, label, offered } of EXPECTED) {
    const finding = byId.get(id) ?? "not tested";
    const passed = finding.startsWith(offered ? "offered" : "not offered");
    lines.push(`${passed ? "ok  " : "FAIL"} ${label}: ${finding}`);
    if (!passed) failures.push(`${label} must ${offered ? "" : "not "}be offered (testssl: ${finding})`);
  }
  return { lines, failures };
}

/** Debian names it testssl; the upstream project, testssl.sh. */
export function testsslCommand(): string | undefined {
  return ["testssl", "testssl.sh"]
    .flatMap((command) => (process.env.PATH ?? "").split(":").map((directory) => path.join(directory, command)))
    .find((file) => fs.existsSync(file));
}

/**
 * testssl on `host:port` with only the protocols and the cipher categories, by IP and without
 * DNS, to keep the scan short; its JSON findings go to `directory`. `stop` ends a scan early.
 */
export function startTestssl(
  command: string,
  directory: string,
  target: { host: string; ip: string; port: number },
): { verdict: Promise<TestsslVerdict>; stop: () => void } {
  const json = path.join(directory, "testssl.json");
  const args = ["--quiet", "--color", "0", "--nodns", "none", "--ip", target.ip, "--protocols", "--std"];
  const scan = spawn(command, [...args, "--jsonfile", json, `${target.host}:${target.port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  scan.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  scan.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const verdict = new Promise<TestsslVerdict>((resolve, reject) => {
    scan.once("error", reject);
    scan.once("exit", (code) => {
      if (!fs.existsSync(json)) reject(new Error(`testssl wrote no findings (exit ${code}):\n${output.slice(-4000)}`));
      else resolve(judgeTestssl(JSON.parse(fs.readFileSync(json, "utf8")) as TestsslFinding[]));
    });
  });
  return { verdict, stop: () => scan.exitCode === null && scan.kill("SIGTERM") };
}
