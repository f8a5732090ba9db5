"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { inputClass, smallButtonClass } from "@/app/_components/ui";

/**
 * A read-only value with a Copy button: a secret shown once, or what a manager pastes into another system.
 * `copyName` names the button where a page has more than one.
 */
export function CopyField({ label, value, copyName }: { label: string; value: string; copyName?: string }) {
  const t = useTranslations("common");
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className={`${inputClass} font-mono`}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className={smallButtonClass}
          aria-label={copyName}
          onClick={() => navigator.clipboard.writeText(value).then(() => setCopied(true))}
        >
          {t("copy")}
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}
