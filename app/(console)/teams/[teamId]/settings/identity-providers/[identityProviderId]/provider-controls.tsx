"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/app/_components/action-button";
import { FormDialog } from "@/app/_components/dialog";
import { FormStatus, useFormAction } from "@/app/_components/form-status";
import { dangerButtonClass, FactList, secondaryButtonClass } from "@/app/_components/ui";
import type { ConnectionTestResult } from "@/lib/sso/connection-test-result";
import { deleteProviderAction, setProviderEnabledAction, testConnectionAction } from "../actions";

/** Test connection, and what it found: the provider's facts, or exactly what is wrong. */
export function TestConnection({ teamId, identityProviderId }: { teamId: string; identityProviderId: string }) {
  const t = useTranslations("identityProviders.test");
  const [state, run, pending] = useFormAction(testConnectionAction);
  return (
    <form action={run} className="space-y-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="identityProviderId" value={identityProviderId} />
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("explanation")}</p>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        {pending ? t("busy") : t("submit")}
      </button>
      <FormStatus state={state} />
      {state.status === "done" ? <TestResult result={state.value} /> : null}
    </form>
  );
}

function TestResult({ result }: { result: ConnectionTestResult }) {
  const t = useTranslations("identityProviders.test");
  if (!result.ok) {
    return (
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="font-medium">{t(`problems.${result.problem}` as "problems.unreachable")}</p>
        <p className="mt-1 break-words">{result.detail}</p>
      </div>
    );
  }
  return (
    <div role="status" className="text-sm">
      <p className="font-medium text-green-800 dark:text-green-300">{t("works")}</p>
      <FactList
        facts={result.facts.map((fact) => [t(`facts.${fact.name}`), <code key={fact.name}>{fact.value}</code>])}
      />
    </div>
  );
}

export function EnableProvider({
  teamId,
  identityProviderId,
  enabled,
}: {
  teamId: string;
  identityProviderId: string;
  enabled: boolean;
}) {
  const t = useTranslations("identityProviders.status");
  return (
    <ActionButton
      action={setProviderEnabledAction}
      fields={{ teamId, identityProviderId, ...(enabled ? {} : { enabled: "on" }) }}
      label={enabled ? t("disable") : t("enable")}
      className={secondaryButtonClass}
    />
  );
}

/** Deleting is refused while some members have no other way in; the refusal says how many. */
export function DeleteProvider({
  teamId,
  identityProviderId,
  name,
}: {
  teamId: string;
  identityProviderId: string;
  name: string;
}) {
  const t = useTranslations("identityProviders.delete");
  return (
    <FormDialog
      title={t("title", { name })}
      opener={t("opener")}
      openerClass={dangerButtonClass}
      action={deleteProviderAction}
      submit={t("submit")}
      close={t("cancel")}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="identityProviderId" value={identityProviderId} />
      <p className="text-sm">{t("explanation", { name })}</p>
    </FormDialog>
  );
}
