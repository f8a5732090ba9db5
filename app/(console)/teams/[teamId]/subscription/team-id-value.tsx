"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { smallButtonClass } from "@/app/_components/ui";

/** The Team ID with a Copy button: what someone moving to this team types on their Profile. */
export function TeamIdValue({ teamId }: { teamId: string }) {
  const t = useTranslations("accountTransfers.subscription");
  const common = useTranslations("common");
  const [copied, setCopied] = useState(false);
  return (
    <span className="block">
      <span className="flex flex-wrap items-center gap-2">
        <code className="text-xs">{teamId}</code>
        <button
          type="button"
          className={smallButtonClass}
          aria-label={t("copyTeamId")}
          onClick={() => navigator.clipboard.writeText(teamId).then(() => setCopied(true))}
        >
          {common("copy")}
        </button>
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {copied ? common("copied") : ""}
        </span>
      </span>
      <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">{t("teamIdHint")}</span>
    </span>
  );
}
