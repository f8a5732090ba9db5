import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { Card, secondaryButtonClass } from "@/app/_components/ui";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import type { myAccountTransfers } from "@/server/account-transfers/list-transfers";
import { cancelTransferAction } from "./transfer-actions";
import { TransferRequestForm } from "./transfer-request-form";

type Transfers = Awaited<ReturnType<typeof myAccountTransfers>>;
type Latest = NonNullable<Transfers["latest"]>;

/** Profile → Transfer to another team: the request form, and the latest request with its state. */
export async function TransferCard({ transfers }: { transfers: Transfers }) {
  const t = await getTranslations("accountTransfers.profile");
  const { latest, sources } = transfers;
  return (
    <Card title={t("title")}>
      <p className="mb-4 max-w-md text-sm text-slate-600 dark:text-slate-400">{t("explanation")}</p>
      {latest ? <LatestRequest latest={latest} /> : null}
      <TransferRequestForm open={!latest?.waiting} sources={sources} />
    </Card>
  );
}

async function LatestRequest({ latest }: { latest: Latest }) {
  const t = await getTranslations("accountTransfers.profile");
  const locale = (await getLocale()) as Locale;
  const date = (value: Date | null) => (value ? formatDate(value, locale) : "");
  const names = { from: latest.fromTeamName, to: latest.toTeamName };
  const lines: string[] = [];
  if (latest.waiting) {
    lines.push(t("pending", { ...names, sent: date(latest.createdAt), expires: date(latest.expiresAt) }));
    if (latest.outApprovalRequired) {
      lines.push(t(latest.outAllowedAt ? "sideAllowed" : "sideWaiting", { team: latest.fromTeamName }));
    }
    if (latest.inApprovalRequired) {
      lines.push(t(latest.inAllowedAt ? "sideAllowed" : "sideWaiting", { team: latest.toTeamName }));
    }
  } else if (latest.status === "completed") {
    lines.push(t("completed", { ...names, date: date(latest.endedAt) }));
    const licence = latest.licensedOnArrival === null ? "none" : latest.licensedOnArrival ? "taken" : "noSeatFree";
    if (licence !== "none") lines.push(t("licence", { licence, team: latest.toTeamName }));
  } else if (latest.status === "denied") {
    const team = latest.deniedSide === "out" ? latest.fromTeamName : latest.toTeamName;
    lines.push(t("denied", { ...names, team, date: date(latest.endedAt) }));
    if (latest.denyReason) lines.push(t("reason", { reason: latest.denyReason }));
  } else if (latest.status === "cancelled") {
    lines.push(t("cancelled", { ...names, date: date(latest.endedAt) }));
  } else {
    // Expired, or past its time and about to be ended by the expiry job.
    lines.push(t("expired", { ...names, date: date(latest.endedAt ?? latest.expiresAt) }));
  }
  return (
    <section
      aria-label={t("latest")}
      className="mb-6 max-w-md rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 className="mb-2 text-sm font-semibold">{t("latest")}</h3>
      {lines.map((line) => (
        <p key={line} className="text-sm text-slate-700 dark:text-slate-300">
          {line}
        </p>
      ))}
      {latest.waiting ? (
        <div className="mt-3">
          <ActionButton
            action={cancelTransferAction}
            fields={{ transferId: latest.id }}
            label={t("cancel")}
            className={secondaryButtonClass}
          />
        </div>
      ) : null}
    </section>
  );
}
