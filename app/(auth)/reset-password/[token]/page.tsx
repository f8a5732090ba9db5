import { getTranslations } from "next-intl/server";
import { AuthCard } from "@/app/_components/auth-card";
import { Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass } from "@/app/_components/ui";
import { pageTitle } from "@/app/_lib/page-title";
import { PASSWORD_MIN_LENGTH, PASSWORD_SUGGESTED_LENGTH } from "@/lib/password-rules";
import { LanguageForm } from "../../_components/language-form";
import { resetPasswordAction } from "./actions";

export const generateMetadata = pageTitle("auth.resetPassword");

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.resetPassword");
  return (
    <AuthCard title={t("title")} footer={<LanguageForm />}>
      <SubmitForm
        action={resetPasswordAction}
        submit={t("submit")}
        submitClass={`${buttonClass} w-full`}
        className="space-y-4"
        noValidate
      >
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label={t("password")}
          type="password"
          autoComplete="new-password"
          required
          hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH, suggested: PASSWORD_SUGGESTED_LENGTH })}
        />
      </SubmitForm>
    </AuthCard>
  );
}
