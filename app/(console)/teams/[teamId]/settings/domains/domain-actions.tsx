"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/app/_components/dialog";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { removeDomainAction, verifyDomainAction } from "./actions";

const small =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

/**
 * Verify (for a domain not verified yet) and Remove, side by side; a refused verification
 * shows below them, saying which record was expected and what DNS holds instead.
 */
export function DomainActions({
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
  const t = useTranslations("domains.verify");
  const [state, action, pending] = useFormAction(verifyDomainAction);
  return (
    <div className="w-56 space-y-2 whitespace-normal [overflow-wrap:anywhere]">
      <div className="flex gap-2">
        {verified ? null : (
          <form action={action}>
            <input type="hidden" name="teamId" value={teamId} />
            <input type="hidden" name="domainId" value={domainId} />
            <button type="submit" className={small} aria-label={t("label", { domain })} disabled={pending}>
              {t("submit")}
            </button>
          </form>
        )}
        <RemoveDomainDialog teamId={teamId} domainId={domainId} domain={domain} verified={verified} />
      </div>
      {verified ? null : <FormStatus state={state} />}
    </div>
  );
}

/** Removing a domain stops routing its sign-ins here, so it is confirmed first. */
function RemoveDomainDialog({
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
