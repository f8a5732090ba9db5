import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "../_components/language-form";
import { ForgotPasswordForm } from "./forgot-password-form";

export const generateMetadata = pageTitle("auth.forgotPassword", "metaTitle");

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth.forgotPassword");
  return (
    <AuthCard
      title={t("title")}
      footer={
        <>
          <Link href="/sign-in" className="block text-blue-700 underline dark:text-blue-400">
            {t("backToSignIn")}
          </Link>
          <LanguageForm />
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
