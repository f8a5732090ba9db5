import type { ReactNode } from "react";

/** Inline code in running text: a header, a field, a value. */
export function Code({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.875em] text-slate-800 dark:bg-slate-800 dark:text-slate-200">
      {children}
    </code>
  );
}

/** For `t.rich`: the catalog's `<code>…</code>` tags. */
export const codeTag = { code: (chunks: ReactNode) => <Code>{chunks}</Code> };
