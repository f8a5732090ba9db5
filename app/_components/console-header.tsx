import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NotificationBell } from "./notification-bell";
import { ProfileMenu } from "./profile-menu";

/** The bar at the top of every signed-in page; a support view shows no bell, being nobody's own. */
export function ConsoleHeader({
  me,
  notifications = true,
  children,
}: {
  me: { name: string; email: string };
  notifications?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("navigation");
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4">
        <div className="flex items-center gap-4">
          <span className="hidden text-sm font-semibold text-blue-700 sm:inline dark:text-blue-400">
            {t("product")}
          </span>
          {children}
        </div>
        <div className="flex items-center gap-2">
          {notifications ? <NotificationBell /> : null}
          <ProfileMenu name={me.name} email={me.email} />
        </div>
      </div>
    </header>
  );
}
