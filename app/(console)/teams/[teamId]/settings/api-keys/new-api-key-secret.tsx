"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Notice } from "@/app/_components/alert";
import { buttonClass, inputClass, secondaryButtonClass } from "@/app/_components/ui";

/** The new key, shown this once in a read-only field, with a button that copies it. */
export function NewApiKeySecret({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const t = useTranslations("settings.apiKeys.create");
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  return (
    <div className="space-y-4">
      <Notice>{t("created", { name })}</Notice>
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium">
          {t("secret")}
        </label>
        <div className="flex gap-2">
          <input
            id={id}
            readOnly
            value={secret}
            className={`${inputClass} font-mono`}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className={secondaryButtonClass} onClick={copy}>
            {t("copy")}
          </button>
        </div>
        <p role="status" className="mt-1 h-4 text-xs text-slate-500 dark:text-slate-400">
          {copied ? t("copied") : null}
        </p>
      </div>
      <div className="flex justify-end">
        <button type="button" className={buttonClass} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
