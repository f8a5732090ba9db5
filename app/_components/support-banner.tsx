import { getLocale, getTranslations } from "next-intl/server";
import { exitReadOnlyViewAction } from "@/app/support/actions";
import { formatDateTime } from "@/lib/format";
import { ActionButton } from "./action-button";
import { BackToManagerViewButton } from "./view-as-button";

/** On every page of a support view: whose console this is, that it is read-only, and the way out. */
export async function SupportBanner({
  teamId,
  teamName,
  endsAt,
  viewingAs,
}: {
  teamId: string;
  teamName: string;
  endsAt: Date;
  viewingAs: { name: string; email: string } | null;
}) {
  const [t, locale] = await Promise.all([getTranslations("support"), getLocale()]);
  const ends = formatDateTime(endsAt, locale);
  return (
    <div role="region" aria-label={t("banner.name")} className="bg-amber-400 text-amber-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm font-medium">
        <p>
          {viewingAs
            ? t("banner.viewingAsMember", { team: teamName, name: viewingAs.name, email: viewingAs.email, ends })
            : t("banner.viewingAsSupport", { team: teamName, ends })}
        </p>
        <div className="flex items-center gap-3">
          {viewingAs ? <BackToManagerViewButton teamId={teamId} /> : null}
          <ActionButton
            action={exitReadOnlyViewAction}
            label={t("exit")}
            className="rounded-md bg-amber-950 px-3 py-1 text-amber-50 hover:bg-amber-900"
          />
        </div>
      </div>
    </div>
  );
}
