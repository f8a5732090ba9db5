import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** The first stop of the keyboard on every page: past the header and navigation to `<main id="main">`. */
export function SkipLink() {
  const t = useTranslations("navigation");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-blue-800 focus:shadow-lg focus:outline-2 focus:outline-blue-700 dark:focus:bg-slate-900 dark:focus:text-blue-200"
    >
      {t("skipToMain")}
    </a>
  );
}

export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      </div>
      {children}
    </header>
  );
}

export function Card({ title, children, className = "" }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section
      className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      {title ? <h2 className="mb-3 text-base font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}

const tones = {
  green:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-400/30",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-400/30",
  red: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300 dark:ring-red-400/30",
  blue: "bg-blue-50 text-blue-800 ring-blue-600/20 dark:bg-blue-950 dark:text-blue-300 dark:ring-blue-400/30",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/30",
} as const;

export type Tone = keyof typeof tones;

export function Badge({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

const STATUS_TONES = {
  active: "green",
  running: "green",
  open: "green",
  trial: "blue",
  trialing: "blue",
  provisioning: "blue",
  restarting: "blue",
  invited: "blue",
  paused: "amber",
  past_due: "amber",
  stopped: "slate",
  closed: "slate",
  deactivated: "slate",
  cancelled: "amber",
  terminated: "red",
  expired: "red",
  unreachable: "red",
} satisfies Record<string, Tone>;

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("navigation.status");
  const known = Object.hasOwn(STATUS_TONES, status);
  const label = status.replaceAll("_", " ");
  return (
    <Badge tone={known ? STATUS_TONES[status as keyof typeof STATUS_TONES] : "slate"}>
      {known ? t(status as keyof typeof STATUS_TONES) : label.charAt(0).toUpperCase() + label.slice(1)}
    </Badge>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
    </div>
  );
}

export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so the arrows can scroll it too.
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 dark:bg-slate-900/60">
          <tr>
            {head.map((label) => (
              <th
                key={label}
                scope="col"
                className="px-4 py-2.5 text-left font-medium text-slate-600 dark:text-slate-400"
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </section>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`whitespace-nowrap px-4 py-2.5 ${className}`}>{children}</td>;
}

/** A figure against its limit; the bar turns amber near (90 %) and red at the limit unless `tone` says otherwise. */
export function Meter({
  label,
  used,
  total,
  figure,
  tone,
}: {
  label: string;
  used: number;
  total: number;
  /** How the figure reads, when not "used of total". */
  figure?: string;
  tone?: string;
}) {
  const t = useTranslations("navigation");
  const share = total > 0 ? Math.min(used / total, 1) : 1;
  return (
    <div>
      <div className="flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span className="font-medium">{figure ?? t("meter", { used, total })}</span>
      </div>
      <div
        className="mt-1.5 h-2 rounded-full bg-slate-200 dark:bg-slate-800"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={Math.min(used, total)}
        aria-valuetext={figure}
      >
        <div
          className={`h-2 rounded-full ${tone ?? (share >= 1 ? "bg-red-500" : share >= 0.9 ? "bg-amber-500" : "bg-blue-600")}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}

export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-blue-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-500 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";
/** A small button in a table row or beside a name. */
export const smallButtonClass =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";
export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-blue-500 dark:border-slate-700 dark:bg-slate-900";

/** A button that navigates, for actions the design names as buttons ("Create account"). */
export function NavigateButton({
  to,
  params,
  children,
  className,
}: {
  to: string;
  params?: Record<string, string | undefined>;
  children: ReactNode;
  className: string;
}) {
  return (
    <form action={to} method="get">
      {Object.entries(params ?? {}).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <button type="submit" className={className}>
        {children}
      </button>
    </form>
  );
}

/** Label and value pairs, one a row. */
export function FactList({ facts, className = "py-2.5" }: { facts: Array<[string, ReactNode]>; className?: string }) {
  return (
    <dl className="divide-y divide-slate-100 dark:divide-slate-800">
      {facts.map(([label, value]) => (
        <div key={label} className={`flex flex-wrap justify-between gap-2 text-sm ${className}`}>
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AccessRefused() {
  const t = useTranslations("navigation.accessRefused");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">{t("explanation")}</p>
    </>
  );
}
