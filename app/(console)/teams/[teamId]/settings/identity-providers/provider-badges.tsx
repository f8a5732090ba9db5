import { getTranslations } from "next-intl/server";
import { Badge } from "@/app/_components/ui";

/** Enabled or disabled, and whether Test connection still has to pass. */
export async function ProviderBadges({ enabled, tested }: { enabled: boolean; tested: boolean }) {
  const t = await getTranslations("identityProviders.status");
  return (
    <span className="flex gap-1">
      {enabled ? <Badge tone="green">{t("enabled")}</Badge> : <Badge tone="slate">{t("disabled")}</Badge>}
      {tested ? null : <Badge tone="amber">{t("untested")}</Badge>}
    </span>
  );
}
