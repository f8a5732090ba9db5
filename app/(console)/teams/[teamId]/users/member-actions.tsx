"use client";

import { useState, useTransition } from "react";
import { ActionMenu, type MenuItem } from "@/app/_components/action-menu";
import { Dialog, ErrorMessage, SuccessMessage } from "@/app/_components/dialog";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import type { ActionResult } from "@/app/_lib/action-result";
import { type MemberActionName, memberAction } from "./actions";

export const MEMBER_ACTION_LABELS: Record<MemberActionName, string> = {
  makeManager: "Make team manager",
  makeMember: "Make member",
  addLicence: "Add licence",
  removeLicence: "Remove licence",
  deactivate: "Deactivate",
  reactivate: "Reactivate",
  remove: "Remove from team",
  transferOwnership: "Transfer ownership",
};

/** What the confirmation of a consequential action says. */
const CONFIRMATIONS: Partial<Record<MemberActionName, (email: string) => string>> = {
  deactivate: (email) =>
    `${email} loses access to the team at once and every session of the account ends. Their seat is freed.`,
  remove: (email) => `${email} leaves the team and its groups. Their Claris ID stays theirs.`,
  transferOwnership: (email) =>
    `${email} is asked to become the team's owner. When they accept, you become a team manager and can no longer change the subscription.`,
};

/** The row's "Actions for <email>" menu: only the actions that apply to the user and that the viewer may use. */
export function MemberActions({
  teamId,
  membershipId,
  email,
  actions,
  empty,
}: {
  teamId: string;
  membershipId: string;
  email: string;
  actions: MemberActionName[];
  empty: string;
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<string> | null>(null);
  const [confirming, setConfirming] = useState<MemberActionName | null>(null);
  const run = (action: MemberActionName) =>
    startTransition(async () => {
      setConfirming(null);
      setResult(await memberAction(teamId, membershipId, email, action));
    });
  const items: MenuItem[] = actions.map((action) => ({
    label: MEMBER_ACTION_LABELS[action],
    danger: action === "deactivate" || action === "remove",
    onSelect: () => (CONFIRMATIONS[action] ? setConfirming(action) : run(action)),
  }));
  return (
    <div className="flex items-center justify-end gap-2 whitespace-normal text-left">
      {pending ? <span className="text-xs text-slate-500">Saving…</span> : null}
      {result ? (
        <div className="max-w-xs">
          {result.ok ? <SuccessMessage>{result.value}</SuccessMessage> : <ErrorMessage>{result.error}</ErrorMessage>}
        </div>
      ) : null}
      <ActionMenu label={`Actions for ${email}`} items={items} empty={empty} />
      <Dialog
        title={confirming ? `${MEMBER_ACTION_LABELS[confirming]}?` : ""}
        open={confirming !== null}
        onClose={() => setConfirming(null)}
      >
        {confirming ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">{CONFIRMATIONS[confirming]!(email)}</p>
            <div className="mt-6 flex justify-end gap-2">
              <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
                Cancel
              </button>
              <button type="button" className={buttonClass} onClick={() => run(confirming)} disabled={pending}>
                {MEMBER_ACTION_LABELS[confirming]}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
