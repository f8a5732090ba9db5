import type { ReactNode } from "react";

/** The centred card of the pages one sees before signing in. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none flex min-h-screen items-center justify-center px-4 py-10"
    >
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wider text-blue-700 dark:text-blue-400">
          Customer Console
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-6 text-xl font-semibold">{title}</h1>
          {children}
        </div>
        {footer ? <div className="mt-4 space-y-2 text-center text-sm">{footer}</div> : null}
      </div>
    </main>
  );
}
