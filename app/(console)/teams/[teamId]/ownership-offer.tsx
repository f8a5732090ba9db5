"use client";

import { useState, useTransition } from "react";
import { ErrorMessage } from "@/app/_components/dialog";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { answerOwnershipAction } from "./actions";

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
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const answer = (value: "accept" | "decline" | "cancel") =>
    startTransition(async () => {
      const result = await answerOwnershipAction(teamId, value);
      setError(result.ok ? null : result.error);
    });
  return (
    <section
      aria-label="Ownership transfer"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {offer.offeredToMe ? (
        <p>You are asked to become the owner of {teamName}. The current owner becomes a team manager.</p>
      ) : (
        <p>
          You offered the ownership of {teamName} to {offer.toName} ({offer.toEmail}); it moves when they accept.
        </p>
      )}
      <div className="mt-3 flex gap-2">
        {offer.offeredToMe ? (
          <>
            <button type="button" className={buttonClass} disabled={pending} onClick={() => answer("accept")}>
              Accept ownership
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => answer("decline")}>
              Decline
            </button>
          </>
        ) : (
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => answer("cancel")}>
            Withdraw offer
          </button>
        )}
      </div>
      {error ? (
        <div className="mt-3">
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      ) : null}
    </section>
  );
}
