import type { Metadata } from "next";
import { Card, FactList, PageHeader, secondaryButtonClass } from "@/app/_components/ui";
import { formatDateTime } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { PROFILE_LANGUAGES } from "@/server/accounts/update-profile";
import { serverApi } from "@/server/caller";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { DeleteAccountForm } from "./delete-account-form";
import { PersonalDetailsForm } from "./personal-details-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const profile = await load(async () => (await serverApi()).profile.get());
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your Claris ID: how others see you, how we reach you, and the data we keep."
      />
      <div className="space-y-6">
        <Card title="Personal details">
          <PersonalDetailsForm profile={profile} languages={PROFILE_LANGUAGES} />
        </Card>

        <Card title="Account type">
          <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">
            {profile.managedByTeam ? (
              <>
                Managed by <strong className="text-slate-900 dark:text-slate-100">{profile.managedByTeam}</strong>: its
                team managers can deactivate this account, which then cannot sign in anywhere.
              </>
            ) : (
              "External: no team manages this account. Teams you join can remove you from their team, but not deactivate your account."
            )}
          </p>
        </Card>

        <Card title="Email address">
          <div className="mb-4 max-w-md">
            <FactList
              facts={[
                ["Current address", profile.email],
                ...(profile.pendingEmailChange
                  ? ([
                      ["Waiting for confirmation", profile.pendingEmailChange.newEmail],
                      ["Link valid until", formatDateTime(profile.pendingEmailChange.expiresAt)],
                    ] as Array<[string, string]>)
                  : []),
              ]}
            />
          </div>
          {profile.emailChangeRefusal ? (
            <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">{profile.emailChangeRefusal}</p>
          ) : (
            <>
              <p className="mb-4 max-w-md text-sm text-slate-600 dark:text-slate-400">
                We mail a link to the new address; the change happens when you open it. Your current address is told at
                once.
              </p>
              <ChangeEmailForm />
            </>
          )}
        </Card>

        <Card title="Password">
          <ChangePasswordForm />
        </Card>

        <Card title="Your data">
          <div className="space-y-6">
            <div>
              <h3 className="mb-1 text-sm font-semibold">Download my data</h3>
              <p className="mb-3 max-w-md text-sm text-slate-600 dark:text-slate-400">
                A JSON file with your profile, team memberships, sessions and the changes you made. Passwords and
                secrets are never in it.
              </p>
              <form method="post" action="/profile/data">
                <button type="submit" className={secondaryButtonClass}>
                  Download my data
                </button>
              </form>
            </div>
            <div className="border-t border-slate-100 pt-6 dark:border-slate-800">
              <h3 className="mb-1 text-sm font-semibold text-red-700 dark:text-red-400">Delete my account</h3>
              <p className="mb-3 max-w-md text-sm text-slate-600 dark:text-slate-400">
                Removes your name, email, phone and sign-in methods, signs you out everywhere and takes you out of every
                team. The teams' audit logs keep their entries, under a nameless account. A team owner must transfer
                ownership first.
              </p>
              <DeleteAccountForm />
            </div>
          </div>
        </Card>
      </div>
    </>
  );
}
