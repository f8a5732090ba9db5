"use client";

import { useActionState } from "react";
import { Field, FormError, FormNotice } from "@/app/_components/form-parts";
import { buttonClass } from "@/app/_components/ui";
import { enrolTwoStepAction, type TwoStepState } from "./actions";
import { DisableTwoStep, NewRecoveryCodes } from "./manage-two-step";
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
  const [state, action, pending] = useActionState<TwoStepState, FormData>(enrolTwoStepAction, { stage: "idle" });
  if (state.stage === "codes") {
    return (
      <div className="space-y-3">
        <FormNotice>Two-step verification is on. From now on, signing in asks for a code from your app.</FormNotice>
        <RecoveryCodeList codes={state.recoveryCodes ?? []} />
      </div>
    );
  }
  if (enabledSince) {
    return (
      <div className="space-y-6">
        <p className="text-sm">
          On since {enabledSince}. {recoveryCodesLeft} of 10 recovery codes left.
        </p>
        <div>
          <h3 className="mb-2 text-sm font-semibold">New recovery codes</h3>
          <NewRecoveryCodes />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Turn off</h3>
          <DisableTwoStep />
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Ask for a code from an authenticator app each time you sign in, so a stolen password is not enough.
      </p>
      <form action={action} className="max-w-md space-y-4" noValidate>
        {state.stage === "idle" ? (
          <button type="submit" name="intent" value="begin" className={buttonClass}>
            Turn on two-step verification
          </button>
        ) : null}
        {state.stage === "password" ? (
          <>
            <Field
              id="enrol-password"
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              hint="Type your password again to continue."
            />
            <button type="submit" className={buttonClass} disabled={pending}>
              Continue
            </button>
          </>
        ) : null}
        {state.stage === "scan" ? (
          <>
            <p className="text-sm">Scan this code with an authenticator app, or type the setup key into it.</p>
            {/* biome-ignore lint/performance/noImgElement: a data: URL made on the server needs no image optimisation */}
            <img
              src={state.qrCode}
              alt="QR code for your authenticator app"
              width={200}
              height={200}
              className="rounded-md bg-white p-2"
            />
            <p className="text-sm">
              Setup key:{" "}
              <code
                role="note"
                aria-label="Setup key"
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800"
              >
                {state.setupKey}
              </code>
            </p>
            <Field
              id="enrol-code"
              name="code"
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              hint="The six digits your app shows now."
            />
            <button type="submit" className={buttonClass} disabled={pending}>
              Verify
            </button>
          </>
        ) : null}
        <FormError message={state.error} />
      </form>
    </div>
  );
}
