import type { ReactNode } from "react";
import { AccountHeader } from "@/app/_components/account-header";

/** The person's own notifications, from every team: a page of the account, not of one team. */
export default function NotificationsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <AccountHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
