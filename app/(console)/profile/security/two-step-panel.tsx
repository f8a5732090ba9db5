"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/app/_components/form-parts";
import { ActionForm, FormStatus, SubmitButton, SubmitForm, useFormAction } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { confirmTwoStepAction, disableTwoStepAction, newRecoveryCodesAction, startTwoStepAction } from "./actions";
import { RecoveryCodeList } from "./recovery-code-list";

/**
 * One component for both states, so that the recovery codes shown after turning two-step
 * verification on survive the page refreshing to its new state.
 */
export function TwoStepPanel({
  enabledSince,
  recoveryCodesLeft,
}: {
  enabledSince: string | null;
  recoveryCodesLeft: number;
}) {
  const t = useTranslations("profile.security.twoStep");
  const [begun, setBegun] = useState(false);
  const [started, start, starting] = useFormAction(startTwoStepAction);
  const [confirmed, confirm, confirming] = useFormAction(confirmTwoStepAction);
  if (confirmed.status === "done") {
    return (
      <div className="space-y-3">
        <FormStatus state={confirmed} />
        <RecoveryCodeList codes={confirmed.value} />
      </div>
    );
  }
  if (enabledSince) {
    return (
      <div className="space-y-6">
        <p className="text-sm">{t("onSince", { since: enabledSince, left: recoveryCodesLeft, total: 10 })}</p>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("newRecoveryCodes")}</h3>
          <SubmitForm
            action={newRecoveryCodesAction}
            submit={t("replaceRecoveryCodes")}
            submitClass={secondaryButtonClass}
            whenDone={(codes) => <RecoveryCodeList codes={codes} />}
            className="max-w-md space-y-3"
            noValidate
          >
            <Field name="password" label={t("password")} type="password" autoComplete="current-password" />
          </SubmitForm>
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("turnOffTitle")}</h3>
          <SubmitForm
            action={disableTwoStepAction}
            submit={t("turnOff")}
            submitClass={secondaryButtonClass}
            whenDone="notice"
            className="max-w-md space-y-3"
            noValidate
          >
            <Field name="password" label={t("password")} type="password" autoComplete="current-password" />
            <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" />
          </SubmitForm>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("explanation")}</p>
      {started.status === "done" ? (
        <ActionForm state={confirmed} pending={confirming} action={confirm} className="max-w-md space-y-4" noValidate>
          <p className="text-sm">{t("scan")}</p>
          {/* biome-ignore lint/performance/noImgElement: a data: URL made on the server needs no image optimisation */}
          <img
            src={started.value.qrCode}
            alt={t("qrCode")}
            width={200}
            height={200}
            className="rounded-md bg-white p-2"
          />
          <p className="text-sm">
            {t("setupKey")}{" "}
            <code
              role="note"
              aria-label={t("setupKeyName")}
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800"
            >
              {started.value.setupKey}
            </code>
          </p>
          <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" hint={t("codeHint")} />
          <FormStatus />
          <SubmitButton className={buttonClass}>{t("verify")}</SubmitButton>
        </ActionForm>
      ) : begun ? (
        <ActionForm state={started} pending={starting} action={start} className="max-w-md space-y-4" noValidate>
          <Field
            name="password"
            label={t("password")}
            type="password"
            autoComplete="current-password"
            hint={t("passwordHint")}
          />
          <FormStatus />
          <SubmitButton className={buttonClass}>{t("continue")}</SubmitButton>
        </ActionForm>
      ) : (
        <button type="button" className={buttonClass} onClick={() => setBegun(true)}>
          {t("turnOn")}
        </button>
      )}
    </div>
  );
}
