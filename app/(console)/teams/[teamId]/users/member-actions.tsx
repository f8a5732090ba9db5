"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionMenu, type MenuItem } from "@/app/_components/action-menu";
import { Dialog } from "@/app/_components/dialog";
import { FormStatus } from "@/app/_components/form-status";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { type FormState, IDLE } from "@/app/_lib/form-state";
import type { MemberAction } from "@/server/members/allowed-actions";
import { memberAction } from "./actions";

/** The actions that ask first, for what they cannot undo at a click. */
const CONFIRMED = ["deactivate", "remove", "transferOwnership"] as const;
type ConfirmedAction = (typeof CONFIRMED)[number];
const confirmed = (action: MemberAction): action is ConfirmedAction =>
  (CONFIRMED as readonly MemberAction[]).includes(action);

/** The row's "Actions for <email>" menu: exactly the actions the list says the viewer may take. */
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
  actions: MemberAction[];
  empty: string;
}) {
  const t = useTranslations("users");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<FormState>(IDLE);
  const [confirming, setConfirming] = useState<ConfirmedAction | null>(null);
  const run = (action: MemberAction) =>
    startTransition(async () => {
      setConfirming(null);
      setState(await memberAction(teamId, membershipId, email, action));
    });
  const items: MenuItem[] = actions.map((action) => ({
    label: t(`actions.${action}`),
    danger: action === "deactivate" || action === "remove",
    onSelect: () => (confirmed(action) ? setConfirming(action) : run(action)),
  }));
  return (
    <div className="flex items-center justify-end gap-2 whitespace-normal text-left">
      {pending ? <span className="text-xs text-slate-500">{t("actions.saving")}</span> : null}
      <div className="max-w-xs">
        <FormStatus state={state} />
      </div>
      <ActionMenu label={t("actions.menu", { email })} items={items} empty={empty} />
      <Dialog
        title={confirming ? t("actions.confirmTitle", { action: t(`actions.${confirming}`) }) : ""}
        open={confirming !== null}
        onClose={() => setConfirming(null)}
      >
        {confirming ? (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">{t(`confirm.${confirming}`, { email })}</p>
            <div className="mt-6 flex justify-end gap-2">
              <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(null)}>
                {t("actions.cancel")}
              </button>
              <button type="button" className={buttonClass} onClick={() => run(confirming)} disabled={pending}>
                {t(`actions.${confirming}`)}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
