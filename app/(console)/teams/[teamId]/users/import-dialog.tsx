"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/app/_components/alert";
import { Dialog } from "@/app/_components/dialog";
import { Field } from "@/app/_components/form-parts";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { FormState } from "@/app/_lib/form-state";
import { IMPORT_COLUMNS, IMPORT_HEADER } from "@/lib/member-import-format";

interface Report {
  rows: number;
  toImport: number;
  skipped: number;
  errors: number;
  problems: Array<{ line: number; email: string; outcome: "skip" | "error"; reason: string }>;
}

type Refused = Extract<FormState, { status: "refused" }>;

type Step =
  | { kind: "choose"; refused?: Refused }
  | { kind: "checked"; report: Report }
  | { kind: "importing"; done: number; total: number }
  | { kind: "finished"; invited: number; skipped: number; errors: number }
  | { kind: "failed"; refused: Refused };

/** "Import CSV": check the file row by row first, then import the valid rows with a progress bar. */
export function ImportDialog({ teamId }: { teamId: string }) {
  const t = useTranslations("users.import");
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
    const state = (await response.json()) as FormState<Report>;
    if (state.status === "done") setStep({ kind: "checked", report: state.value });
    else if (state.status === "refused") setStep({ kind: "choose", refused: state });
  }

  async function runImport() {
    if (csv === null) return;
    setStep({ kind: "importing", done: 0, total: 0 });
    const response = await fetch(url("import"), { method: "POST", body: csv, headers: { "content-type": "text/csv" } });
    if (!response.ok || !response.body) {
      const cannotStart: Refused = {
        status: "refused",
        message: t("cannotStart"),
        requestId: "unknown",
        fieldErrors: {},
      };
      const refused = (await response.json().catch(() => cannotStart)) as Refused;
      return setStep({ kind: "failed", refused });
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
        {t("open")}
      </button>
      <Dialog title={t("title")} open={open} onClose={close}>
        <div className="space-y-4 text-sm">
          <div>
            <p>
              {t.rich("intro", {
                header: IMPORT_HEADER,
                code: (text) => <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{text}</code>,
              })}
            </p>
            <ul className="mt-2 list-disc pl-5 text-slate-600 dark:text-slate-400">
              {IMPORT_COLUMNS.map((column) => (
                <li key={column}>{t(`formatHelp.${column}`)}</li>
              ))}
            </ul>
          </div>
          {step.kind === "choose" ? (
            <div>
              <Field
                label={t("file")}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => void check(e.target.files?.[0])}
              />
              {step.refused ? (
                <div className="mt-2">
                  <FormStatus state={step.refused} />
                </div>
              ) : null}
            </div>
          ) : null}
          {step.kind === "checked" ? <ImportReport report={step.report} /> : null}
          {step.kind === "importing" ? (
            <div>
              <p className="mb-1">{t("importing", { done: step.done, total: step.total })}</p>
              <progress
                aria-label={t("progress")}
                max={step.total || 1}
                value={step.done}
                className="h-2 w-full accent-blue-600"
              />
            </div>
          ) : null}
          {step.kind === "finished" ? (
            <Notice>{t("finished", { invited: step.invited, skipped: step.skipped, errors: step.errors })}</Notice>
          ) : null}
          {step.kind === "failed" ? <FormStatus state={step.refused} /> : null}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={close}>
              {t("close")}
            </button>
            {step.kind === "checked" && step.report.toImport > 0 ? (
              <button type="button" className={buttonClass} onClick={() => void runImport()}>
                {t("start", { count: step.report.toImport })}
              </button>
            ) : null}
          </div>
        </div>
      </Dialog>
    </>
  );
}

function ImportReport({ report }: { report: Report }) {
  const t = useTranslations("users.import");
  return (
    <div>
      <p role="status">
        {t("report", {
          rows: report.rows,
          toImport: report.toImport,
          skipped: report.skipped,
          errors: report.errors,
        })}
      </p>
      {report.problems.length > 0 ? (
        <div className="mt-2 max-h-60 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="min-w-full text-xs">
            <caption className="sr-only">{t("problemsCaption")}</caption>
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                {[t("line"), t("email"), t("reason")].map((heading) => (
                  <th key={heading} scope="col" className="px-2 py-1 text-left">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, 500).map((p) => (
                <tr key={p.line} className={p.outcome === "error" ? "text-red-700 dark:text-red-400" : undefined}>
                  <td className="px-2 py-1">{p.line}</td>
                  <td className="px-2 py-1">{p.email}</td>
                  <td className="px-2 py-1">{p.outcome === "skip" ? t("skipped", { reason: p.reason }) : p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
