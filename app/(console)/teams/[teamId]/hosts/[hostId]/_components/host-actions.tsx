"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { dangerButtonClass, secondaryButtonClass } from "@/app/_components/ui";
import { restartHostAction, startHostAction, stopHostAction } from "../actions";

interface HostActionsProps {
  teamId: string;
  host: { id: string; name: string; status: string };
  connectedClients: number;
  canOperate: boolean;
}

/** Stop, start and restart a host, each confirmed first; people without hosts.operate see none of them. */
export function HostActions({ teamId, host, connectedClients, canOperate }: HostActionsProps) {
  const t = useTranslations("hosts.operations");
  if (!canOperate) return null;
  const running = host.status === "running";
  const hidden = (
    <>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="hostId" value={host.id} />
    </>
  );
  const disconnects = <p>{t("connectedClients", { count: connectedClients })}</p>;
  return (
    <div className="flex flex-wrap gap-2">
      {running ? null : (
        <FormDialog
          title={t("startTitle", { host: host.name })}
          opener={t("kinds.start_host")}
          openerClass={secondaryButtonClass}
          action={startHostAction}
          submit={t("kinds.start_host")}
          busy={t("busy")}
          close={t("cancel")}
          className="space-y-4 text-sm"
        >
          {hidden}
          <p>{t("startText")}</p>
        </FormDialog>
      )}
      {host.status === "stopped" ? null : (
        <>
          <FormDialog
            title={t("restartTitle", { host: host.name })}
            opener={t("kinds.restart_host")}
            openerClass={secondaryButtonClass}
            action={restartHostAction}
            submit={t("kinds.restart_host")}
            busy={t("busy")}
            close={t("cancel")}
            className="space-y-4 text-sm"
          >
            {hidden}
            <p>{t("restartText")}</p>
            {disconnects}
          </FormDialog>
          <FormDialog
            title={t("stopTitle", { host: host.name })}
            opener={t("kinds.stop_host")}
            openerClass={dangerButtonClass}
            action={stopHostAction}
            submit={t("kinds.stop_host")}
            busy={t("busy")}
            close={t("cancel")}
            className="space-y-4 text-sm"
          >
            {hidden}
            <p>{t("stopText")}</p>
            {disconnects}
          </FormDialog>
        </>
      )}
    </div>
  );
}
