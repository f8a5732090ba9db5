"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog, ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";
import { IMPORT_FORMAT_HELP, IMPORT_HEADER } from "@/lib/member-import-format";

interface Report {
  rows: number;
  toImport: number;
  skipped: number;
  errors: number;
  problems: Array<{ line: number; email: string; outcome: "skip" | "error"; reason: string }>;
}

type Step =
  | { kind: "choose"; error?: string }
  | { kind: "checked"; report: Report }
  | { kind: "importing"; done: number; total: number }
  | { kind: "finished"; invited: number; skipped: number; errors: number }
  | { kind: "failed"; error: string };

/** "Import CSV": check the file row by row first, then import the valid rows with a progress bar. */
export function ImportDialog({ teamId }: { teamId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const url = (s: "check" | "import") => `/teams/${teamId}/users/import?step=${s}`;

  async function check(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    const response = await fetch(url("check"), { method: "POST", body: text, headers: { "content-type": "text/csv" } });
    const body = (await response.json()) as Report | { error: string };
    setStep("error" in body ? { kind: "choose", error: body.error } : { kind: "checked", report: body });
  }

  async function runImport() {
    if (csv === null) return;
    setStep({ kind: "importing", done: 0, total: 0 });
    const response = await fetch(url("import"), { method: "POST", body: csv, headers: { "content-type": "text/csv" } });
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({ error: "The import could not start; try again." }))) as {
        error: string;
      };
      return setStep({ kind: "failed", error: body.error });
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const event = JSON.parse(line) as
          | { kind: "checked"; toImport: number }
          | { kind: "progress"; done: number; total: number }
          | { kind: "finished"; invited: number; skipped: number; errors: number };
        if (event.kind === "checked") setStep({ kind: "importing", done: 0, total: event.toImport });
        if (event.kind === "progress") setStep({ kind: "importing", done: event.done, total: event.total });
        if (event.kind === "finished") setStep(event);
      }
    }
    router.refresh();
  }

  const close = () => {
    setOpen(false);
    setCsv(null);
    setStep({ kind: "choose" });
  };

  return (
    <>
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        Import CSV
      </button>
      <Dialog title="Import users from CSV" open={open} onClose={close}>
        <div className="space-y-4 text-sm">
          <div>
            <p>
              The first line must be{" "}
              <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{IMPORT_HEADER}</code>; then one user a
              line. Each valid row gets an invitation. Rows already in the team or invited are skipped, so a file can be
              imported again safely.
            </p>
            <ul className="mt-2 list-disc pl-5 text-slate-600 dark:text-slate-400">
              {IMPORT_FORMAT_HELP.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
          {step.kind === "choose" ? (
            <div>
              <label htmlFor="import-file" className="mb-1 block font-medium">
                CSV file
              </label>
              <input
                id="import-file"
                type="file"
                accept=".csv,text/csv"
                className={inputClass}
                onChange={(e) => void check(e.target.files?.[0])}
              />
              {step.error ? (
                <div className="mt-2">
                  <ErrorMessage>{step.error}</ErrorMessage>
                </div>
              ) : null}
            </div>
          ) : null}
          {step.kind === "checked" ? <ImportReport report={step.report} /> : null}
          {step.kind === "importing" ? (
            <div>
              <p className="mb-1">
                Importing… {step.done} of {step.total}
              </p>
              <progress
                aria-label="Import progress"
                max={step.total || 1}
                value={step.done}
                className="h-2 w-full accent-blue-600"
              />
            </div>
          ) : null}
          {step.kind === "finished" ? (
            <SuccessMessage>
              Invited {step.invited} user{step.invited === 1 ? "" : "s"}; {step.skipped} skipped, {step.errors} with
              errors not imported.
            </SuccessMessage>
          ) : null}
          {step.kind === "failed" ? <ErrorMessage>{step.error}</ErrorMessage> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={close}>
              Close
            </button>
            {step.kind === "checked" && step.report.toImport > 0 ? (
              <button type="button" className={buttonClass} onClick={() => void runImport()}>
                Import {step.report.toImport} user{step.report.toImport === 1 ? "" : "s"}
              </button>
            ) : null}
          </div>
        </div>
      </Dialog>
    </>
  );
}

function ImportReport({ report }: { report: Report }) {
  return (
    <div>
      <p role="status">
        {report.rows} rows: {report.toImport} to import, {report.skipped} to skip, {report.errors} with errors.
      </p>
      {report.problems.length > 0 ? (
        <div className="mt-2 max-h-60 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="min-w-full text-xs">
            <caption className="sr-only">Rows that will not be imported</caption>
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  Line
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  Email
                </th>
                <th scope="col" className="px-2 py-1 text-left">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((p) => (
                <tr key={p.line} className={p.outcome === "error" ? "text-red-700 dark:text-red-400" : undefined}>
                  <td className="px-2 py-1">{p.line}</td>
                  <td className="px-2 py-1">{p.email}</td>
                  <td className="px-2 py-1">
                    {p.outcome === "skip" ? "Skipped: " : ""}
                    {p.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
