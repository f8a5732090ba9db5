import { useTranslations } from "next-intl";

export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useTranslations("profile.security.twoStep");
  return (
    <div className="space-y-2">
      <p className="text-sm">{t("recoveryCodesExplanation")}</p>
      <ul
        aria-label={t("recoveryCodes")}
        className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
