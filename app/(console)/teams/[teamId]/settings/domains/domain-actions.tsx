"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { removeDomainAction, verifyDomainAction } from "./actions";

const small =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/** Asks DNS for the domain's TXT record; a refusal says what was expected and what was found. */
export function VerifyDomainButton({ teamId, domainId, domain }: { teamId: string; domainId: string; domain: string }) {
  const t = useTranslations("domains.verify");
  const [state, action, pending] = useFormAction(verifyDomainAction);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="domainId" value={domainId} />
      <button type="submit" className={small} aria-label={t("label", { domain })} disabled={pending}>
        {t("submit")}
      </button>
      <div className="max-w-md whitespace-normal">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

/** Removing a domain stops routing its sign-ins here, so it is confirmed first. */
export function RemoveDomainDialog({
  teamId,
  domainId,
  domain,
  verified,
}: {
  teamId: string;
  domainId: string;
  domain: string;
  verified: boolean;
}) {
  const t = useTranslations("domains.remove");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useFormAction(removeDomainAction);
  return (
    <>
      <button
        type="button"
        className={`${small} text-red-700 dark:text-red-400`}
        aria-label={t("label", { domain })}
        onClick={() => setOpen(true)}
      >
        {t("open")}
      </button>
      <Dialog title={t("title", { domain })} open={open} onClose={() => setOpen(false)}>
        <form action={action} className="space-y-4 text-sm">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="domainId" value={domainId} />
          <p className="whitespace-normal">{verified ? t("explainedVerified") : t("explained")}</p>
          <FormStatus state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
            <button type="submit" className={buttonClass} disabled={pending}>
              {t("submit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
