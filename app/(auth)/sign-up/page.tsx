import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "../_components/language-form";
import { SignUpForm } from "./sign-up-form";

export const generateMetadata = pageTitle("auth.signUp", "metaTitle");

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; next?: string }>;
}) {
  const { email, next } = await searchParams;
  const t = await getTranslations("auth.signUp");
  return (
    <AuthCard
      title={t("title")}
      footer={
        <>
          <p>
            {t("haveAccount")}{" "}
            <Link
              href={next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in"}
              className="text-blue-700 underline dark:text-blue-400"
            >
              {t("signIn")}
            </Link>
          </p>
          <LanguageForm />
        </>
      }
    >
      <SignUpForm email={email} next={next} />
    </AuthCard>
  );
}
