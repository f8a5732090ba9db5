import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "../_components/language-form";
import { VerifyForm } from "./verify-form";

export const generateMetadata = pageTitle("auth.verify");

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; next?: string; sent?: string }>;
}) {
  const { email, next, sent } = await searchParams;
  const t = await getTranslations("auth.verify");
  const intro = sent === "0" ? t("notVerified") : email ? t("codeSent", { email }) : t("codeSentToYou");
  return (
    <AuthCard title={t("title")} footer={<LanguageForm />}>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{intro}</p>
      <VerifyForm email={email} next={next} />
    </AuthCard>
  );
}
