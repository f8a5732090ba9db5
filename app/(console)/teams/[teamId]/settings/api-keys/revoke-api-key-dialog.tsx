"use client";

import { useTranslations } from "next-intl";
import { FormDialog } from "@/app/_components/dialog";
import { smallButtonClass } from "@/app/_components/ui";
import { revokeApiKeyAction } from "./actions";

/** Revoking cannot be undone, so it is confirmed first; the dialog names the key and its prefix. */
export function RevokeApiKeyDialog({
  teamId,
  apiKeyId,
  name,
  prefix,
}: {
  teamId: string;
  apiKeyId: string;
  name: string;
  prefix: string;
}) {
  const t = useTranslations("settings.apiKeys.revoke");
  return (
    <FormDialog
      title={t("title", { name })}
      opener={t("open")}
      openerClass={`${smallButtonClass} text-red-700 dark:text-red-400`}
      action={revokeApiKeyAction}
      submit={t("submit")}
      close={t("cancel")}
    >
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <p className="whitespace-normal text-sm">{t("explained", { prefix })}</p>
    </FormDialog>
  );
}
