import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_lib/sign-out-action";
import { secondaryButtonClass } from "./ui";

export async function SignOutButton({ className = secondaryButtonClass }: { className?: string }) {
  const t = await getTranslations("common");
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        {t("signOut")}
      </button>
    </form>
  );
}
