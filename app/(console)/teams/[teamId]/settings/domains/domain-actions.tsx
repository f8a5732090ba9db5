"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { smallButtonClass } from "@/app/_components/ui";
import { removeDomainAction, verifyDomainAction } from "./actions";

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
            <button type="submit" className={smallButtonClass} aria-label={t("label", { domain })} disabled={pending}>
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
  return (
    <FormDialog
      title={t("title", { domain })}
      opener={t("open")}
      openerName={t("label", { domain })}
      openerClass={`${smallButtonClass} text-red-700 dark:text-red-400`}
      action={removeDomainAction}
      submit={t("submit")}
      close={t("cancel")}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="domainId" value={domainId} />
      <p className="whitespace-normal text-sm">{verified ? t("explainedVerified") : t("explained")}</p>
    </FormDialog>
  );
}
