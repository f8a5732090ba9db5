import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Notice } from "@/app/_components/alert";
import { AuthCard } from "@/app/_components/auth-card";
import { NavigateButton, secondaryButtonClass } from "@/app/_components/ui";
import { pageTitle } from "@/app/_lib/page-title";
import { safeLocalPath } from "@/lib/safe-path";
import { serverApi } from "@/server/caller";
import { LanguageForm } from "../_components/language-form";
import { SignInForm } from "./sign-in-form";

export const generateMetadata = pageTitle("auth.signIn", "metaTitle");

/** A provider sign-in's reference as the failure redirect gives it; anything else in the URL is not shown. */
const REFERENCE = /^[A-Za-z0-9._-]{1,64}$/;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; notice?: string; sso?: string; reference?: string }>;
}) {
  const { next, notice, sso, reference } = await searchParams;
  const signedIn = await (await serverApi()).account.me().then(
    () => true,
    () => false,
  );
  if (signedIn) redirect(safeLocalPath(next));
  const t = await getTranslations("auth.signIn");
  const linkClass = "text-blue-700 underline hover:no-underline dark:text-blue-400";
  return (
    <AuthCard
      title={t("title")}
      footer={
        <div className="flex flex-col items-center gap-2">
          <NavigateButton to="/forgot-password" className={linkClass}>
            {t("forgotPassword")}
          </NavigateButton>
          <span className="text-slate-600 dark:text-slate-400">{t("noAccount")}</span>
          <NavigateButton to="/sign-up" params={{ next }} className={secondaryButtonClass}>
            {t("createAccount")}
          </NavigateButton>
          <div className="mt-4">
            <LanguageForm />
          </div>
        </div>
      }
    >
      {notice === "password-reset" ? (
        <div className="mb-4">
          <Notice>{t("passwordChanged")}</Notice>
        </div>
      ) : null}
      {sso === "failed" ? (
        <div className="mb-4">
          <Alert>
            {reference && REFERENCE.test(reference) ? t("ssoFailed", { reference }) : t("ssoFailedNoReference")}
          </Alert>
        </div>
      ) : null}
      <SignInForm next={next} />
    </AuthCard>
  );
}
