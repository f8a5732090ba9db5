import { getTranslations } from "next-intl/server";
import { Checkbox } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import { buttonClass, Card } from "@/app/_components/ui";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/server/events/notification-kinds";
import { saveEmailChoicesAction } from "./actions";

/** Per kind, whether it also comes by email: a kind its change always mails is shown ticked and fixed. */
export async function EmailChoices({
  choices,
}: {
  choices: Array<{ kind: NotificationKind; email: boolean; choosable: boolean }>;
}) {
  const t = await getTranslations("notifications");
  return (
    <div id="email" className="mt-8">
      <Card title={t("email.title")}>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{t("email.description")}</p>
        <SubmitForm
          action={saveEmailChoicesAction}
          submit={t("email.save")}
          submitClass={buttonClass}
          className="space-y-4"
        >
          <div className="grid gap-3 sm:grid-cols-2">
            {choices.map((choice) => {
              const hint = !choice.choosable
                ? t("email.alwaysMailed")
                : "ownerMailedByItsChange" in NOTIFICATION_KINDS[choice.kind]
                  ? t("email.ownerAlwaysMailed")
                  : null;
              return (
                <fieldset key={choice.kind} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <legend className="px-1 text-sm font-medium">{t(`kinds.${choice.kind}.name`)}</legend>
                  <Checkbox
                    name={`email.${choice.kind}`}
                    label={t("email.alsoByEmail")}
                    defaultChecked={choice.email}
                    disabled={!choice.choosable}
                    aria-describedby={hint ? `email-hint-${choice.kind}` : undefined}
                  />
                  {hint ? (
                    <p id={`email-hint-${choice.kind}`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                      {hint}
                    </p>
                  ) : null}
                </fieldset>
              );
            })}
          </div>
        </SubmitForm>
      </Card>
    </div>
  );
}
