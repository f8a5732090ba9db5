import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SubmitForm } from "@/app/_components/form-status";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { pageTitle } from "@/app/_lib/page-title";
import { serverApi } from "@/server/caller";
import { acceptInvitationAction } from "./actions";

export const generateMetadata = pageTitle("auth.invitation", "metaTitle");

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** Where an invitation mail's link leads: join when signed in with the invited address, else sign in or create an account. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const [invitation, me, t] = await Promise.all([
    api.invitations.open({ token }).catch(() => null),
    api.account.me().catch(() => null),
    getTranslations("auth.invitation"),
  ]);
  if (!invitation) {
    return (
      <Frame title={t("invalidTitle")} product={t("product")}>
        <p>{t("invalid")}</p>
      </Frame>
    );
  }
  const team = invitation.teamName;
  if (invitation.state !== "pending") {
    return (
      <Frame title={t("titleInvitation", { team })} product={t("product")}>
        <p role="alert">{t(`refusal.${invitation.state}`)}</p>
      </Frame>
    );
  }
  const here = `/invitations/${token}`;
  if (!me) {
    return (
      <Frame title={t("titleJoin", { team })} product={t("product")}>
        <p>{t.rich("invited", { team, email: invitation.email, strong })}</p>
        <div className="mt-6 flex flex-col gap-2">
          <Link href={`/sign-in?${new URLSearchParams({ next: here })}`} className={buttonClass}>
            {t("signIn")}
          </Link>
          <Link
            href={`/sign-up?${new URLSearchParams({ email: invitation.email, next: here })}`}
            className={secondaryButtonClass}
          >
            {t("createAccount")}
          </Link>
        </div>
      </Frame>
    );
  }
  if (me.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Frame title={t("titleJoin", { team })} product={t("product")}>
        <p>{t.rich("otherAccount", { email: invitation.email, account: me.email, strong })}</p>
        <div className="mt-6">
          <SignOutButton className={`${secondaryButtonClass} w-full`} />
        </div>
      </Frame>
    );
  }
  return (
    <Frame title={t("titleJoin", { team })} product={t("product")}>
      <p className="mb-6">{t.rich("signedInAs", { account: me.email, strong })}</p>
      <SubmitForm
        action={acceptInvitationAction.bind(null, token)}
        submit={t("join", { team })}
        submitClass={`${buttonClass} w-full`}
        className="space-y-3"
      />
    </Frame>
  );
}

function Frame({ title, product, children }: { title: string; product: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wider text-blue-700 dark:text-blue-400">
          {product}
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-8 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
