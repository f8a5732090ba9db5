"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import { answerOwnershipAction } from "./actions";

type Answer = "accept" | "decline" | "cancel";

/** The open ownership offer, for the member it is made to (accept, decline) or the owner who made it (withdraw). */
export function OwnershipOffer({
  teamId,
  teamName,
  offer,
}: {
  teamId: string;
  teamName: string;
  offer: { toName: string; toEmail: string; offeredToMe: boolean };
}) {
  const t = useTranslations("team.ownershipOffer");
  const [state, answer, pending] = useActionState(
    (_previous: FormState, value: Answer) => answerOwnershipAction(teamId, value),
    IDLE,
  );
  const button = (value: Answer, label: string, className: string) => (
    <button type="button" className={className} disabled={pending} onClick={() => startTransition(() => answer(value))}>
      {label}
    </button>
  );
  return (
    <section
      aria-label={t("title")}
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        {offer.offeredToMe
          ? t("offeredToMe", { team: teamName })
          : t("offeredByMe", { team: teamName, name: offer.toName, email: offer.toEmail })}
      </p>
      <div className="mt-3 flex gap-2">
        {offer.offeredToMe ? (
          <>
            {button("accept", t("accept"), buttonClass)}
            {button("decline", t("decline"), secondaryButtonClass)}
          </>
        ) : (
          button("cancel", t("withdraw"), secondaryButtonClass)
        )}
      </div>
      <div className="mt-3">
        <FormStatus state={state} />
      </div>
    </section>
  );
}
