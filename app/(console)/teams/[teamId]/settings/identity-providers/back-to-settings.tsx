import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function BackToSettings({ teamId, to = "settings" }: { teamId: string; to?: "settings" | "providers" }) {
  const t = await getTranslations("identityProviders");
  const href = to === "settings" ? `/teams/${teamId}/settings` : `/teams/${teamId}/settings/identity-providers`;
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-blue-700 hover:underline dark:text-blue-400">
        {to === "settings" ? t("backToSettings") : t("backToProviders")}
      </Link>
    </p>
  );
}
