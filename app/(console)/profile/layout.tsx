import type { ReactNode } from "react";
import { AccountHeader } from "@/app/_components/account-header";
import { ConsoleNav } from "@/app/_components/console-nav";

/** The account's own pages: they belong to the person, not to a team. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <AccountHeader />
      <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <ConsoleNav
            name="account"
            items={[
              { section: "profile", href: "/profile" },
              { section: "security", href: "/profile/security" },
            ]}
          />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
