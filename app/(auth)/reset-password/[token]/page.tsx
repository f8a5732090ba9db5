import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "../../_components/language-form";
import { ResetPasswordForm } from "./reset-password-form";

export const generateMetadata = pageTitle("auth.resetPassword");

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.resetPassword");
  return (
    <AuthCard title={t("title")} footer={<LanguageForm />}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
