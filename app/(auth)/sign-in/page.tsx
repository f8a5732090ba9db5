import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/app/_components/auth-card";
import { FormNotice, NavigateButton } from "@/app/_components/form-parts";
import { secondaryButtonClass } from "@/app/_components/ui";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { serverApi } from "@/server/caller";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed. Sign in with the new one.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; notice?: string }>;
}) {
  const { next, notice } = await searchParams;
  const signedIn = await (await serverApi()).account.me().then(
    () => true,
    () => false,
  );
  if (signedIn) redirect(safeLocalPath(next));
  const linkClass = "text-blue-700 underline hover:no-underline dark:text-blue-400";
  return (
    <AuthCard
      title="Sign in with your Claris ID"
      footer={
        <div className="flex flex-col items-center gap-2">
          <NavigateButton to="/forgot-password" className={linkClass}>
            Forgot password?
          </NavigateButton>
          <span className="text-slate-600 dark:text-slate-400">No account yet?</span>
          <NavigateButton to="/sign-up" params={{ next }} className={secondaryButtonClass}>
            Create account
          </NavigateButton>
        </div>
      }
    >
      {notice && NOTICES[notice] ? (
        <div className="mb-4">
          <FormNotice>{NOTICES[notice]}</FormNotice>
        </div>
      ) : null}
      <SignInForm next={next} />
    </AuthCard>
  );
}
