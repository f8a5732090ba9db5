import { useTranslations } from "next-intl";
import { Badge } from "@/app/_components/ui";

/** Enabled, disabled by a person, or disabled by the sender after three failing days. */
export function EndpointStatus({ enabled, disabledReason }: { enabled: boolean; disabledReason: string | null }) {
  const t = useTranslations("webhooks.status");
  if (enabled) return <Badge tone="green">{t("enabled")}</Badge>;
  return disabledReason === "failing" ? <Badge tone="red">{t("failing")}</Badge> : <Badge>{t("disabled")}</Badge>;
}
