import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { pageTitle } from "@/app/_lib/page-title";
import { LanguageForm } from "../_components/language-form";
import { forgotPasswordAction } from "./actions";

export const generateMetadata = pageTitle("auth.forgotPassword", "metaTitle");

export default async function ForgotPasswordPage() {
  const [t, fields] = await Promise.all([getTranslations("auth.forgotPassword"), getTranslations("auth.fields")]);
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
      <SubmitForm
        action={forgotPasswordAction}
        submit={t("submit")}
        submitClass={`${buttonClass} w-full`}
        whenDone="notice"
        className="space-y-4"
        noValidate
      >
        <Field name="email" label={fields("email")} type="email" autoComplete="username" required />
      </SubmitForm>
    </AuthCard>
  );
}
