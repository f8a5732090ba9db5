"use client";

import { useActionState } from "react";
import { ErrorMessage } from "@/app/_components/dialog";
import { buttonClass } from "@/app/_components/ui";
import { type AcceptState, acceptInvitationAction } from "./actions";

export function JoinButton({ token, teamName }: { token: string; teamName: string }) {
  const [state, action, pending] = useActionState<AcceptState>(acceptInvitationAction.bind(null, token), {});
  return (
    <form action={action} className="space-y-3">
      {state.error ? <ErrorMessage>{state.error}</ErrorMessage> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        Join {teamName}
      </button>
    </form>
  );
}
