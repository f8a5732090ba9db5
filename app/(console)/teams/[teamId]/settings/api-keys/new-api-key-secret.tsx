"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/app/_components/alert";
import { CopyField } from "@/app/_components/copy-field";
import { buttonClass } from "@/app/_components/ui";

/** The new key, shown this once in a read-only field, with a button that copies it. */
export function NewApiKeySecret({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const t = useTranslations("settings.apiKeys.create");
  return (
    <div className="space-y-4">
      <Notice>{t("created", { name })}</Notice>
      <CopyField label={t("secret")} value={secret} />
      <div className="flex justify-end">
        <button type="button" className={buttonClass} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
