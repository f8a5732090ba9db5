"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { IDLE } from "@/app/_lib/form-state";
import { confirmEmailAction } from "./actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.confirmEmail");
  const [state, action, pending] = useActionState(confirmEmailAction.bind(null, token), IDLE);
  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        <Link href="/profile" className={`${buttonClass} w-full`}>
          {t("toProfile")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      <FormStatus state={state} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
