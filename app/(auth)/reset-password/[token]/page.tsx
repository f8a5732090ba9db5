import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { LanguageForm } from "../../_components/language-form";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.resetPassword"))("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.resetPassword");
  return (
    <AuthCard title={t("title")} footer={<LanguageForm />}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
