import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { pageTitle } from "@/app/_lib/page-title";
import { ConfirmEmailForm } from "./confirm-email-form";

export const generateMetadata = pageTitle("auth.confirmEmail");

/** Opening the mailed link changes nothing by itself (mail scanners open links); the button does. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.confirmEmail");
  return (
    <AuthCard title={t("title")}>
      <ConfirmEmailForm token={token} />
    </AuthCard>
  );
}
