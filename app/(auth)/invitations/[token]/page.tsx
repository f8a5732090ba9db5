import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass, secondaryButtonClass } from "@/app/_components/ui";
import { signOutAction } from "@/app/_lib/sign-out-action";
import { serverApi } from "@/server/caller";
import { INVITATION_REFUSALS } from "@/server/invitations/open-invitation";
import { JoinButton } from "./join-button";

export const metadata: Metadata = { title: "Invitation" };

/** Where an invitation mail's link leads: join when signed in with the invited address, else sign in or create an account. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const api = await serverApi();
  const [invitation, me] = await Promise.all([
    api.invitations.open({ token }).catch(() => null),
    api.account.me().catch(() => null),
  ]);
  if (!invitation) {
    return (
      <Frame title="This invitation link is not valid">
        <p>Check that you opened the whole link from the mail, or ask a team manager for a new invitation.</p>
      </Frame>
    );
  }
  if (invitation.state !== "pending") {
    return (
      <Frame title={`Invitation to ${invitation.teamName}`}>
        <p role="alert">{INVITATION_REFUSALS[invitation.state]}</p>
      </Frame>
    );
  }
  const here = `/invitations/${token}`;
  if (!me) {
    return (
      <Frame title={`Join ${invitation.teamName}`}>
        <p>
          You are invited to join <strong>{invitation.teamName}</strong> with <strong>{invitation.email}</strong>. Sign
          in with that address, or create a Claris ID for it.
        </p>
        <div className="mt-6 flex flex-col gap-2">
          <Link href={`/sign-in?${new URLSearchParams({ next: here })}`} className={buttonClass}>
            Sign in
          </Link>
          <Link
            href={`/sign-up?${new URLSearchParams({ email: invitation.email, next: here })}`}
            className={secondaryButtonClass}
          >
            Create account
          </Link>
        </div>
      </Frame>
    );
  }
  if (me.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Frame title={`Join ${invitation.teamName}`}>
        <p>
          This invitation is for <strong>{invitation.email}</strong>, but you are signed in as{" "}
          <strong>{me.email}</strong>. Sign out, then open the link again and sign in with the invited address.
        </p>
        <form action={signOutAction} className="mt-6">
          <button type="submit" className={`${secondaryButtonClass} w-full`}>
            Sign out
          </button>
        </form>
      </Frame>
    );
  }
  return (
    <Frame title={`Join ${invitation.teamName}`}>
      <p className="mb-6">
        You are signed in as <strong>{me.email}</strong>.
      </p>
      <JoinButton token={token} teamName={invitation.teamName} />
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wider text-blue-700 dark:text-blue-400">
          Customer Console
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-8 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
      </div>
    </main>
  );
}
