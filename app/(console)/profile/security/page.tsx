import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { Card, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import { TwoStepPanel } from "./two-step-panel";

export const generateMetadata = pageTitle("profile.security");

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await searchParams;
  const api = await serverApi();
  const [status, sessions, t, locale] = await Promise.all([
    load(() => api.security.status()),
    load(() => api.security.sessions()),
    getTranslations("profile.security"),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {required && !status.twoStepEnabledAt ? (
        <p
          role="alert"
          className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {t("twoStepRequired", { team: required })}
        </p>
      ) : null}
      <div className="space-y-6">
        <Card title={t("twoStep.title")}>
          {status.signsInThroughProvider ? (
            <p className="max-w-md text-sm text-slate-600 dark:text-slate-400">{t("twoStep.throughProvider")}</p>
          ) : (
            <TwoStepPanel
              enabledSince={status.twoStepEnabledAt ? formatDateTime(status.twoStepEnabledAt, locale) : null}
              recoveryCodesLeft={status.recoveryCodesLeft}
            />
          )}
        </Card>
        <Card title={t("sessions.title")}>
          <Table
            caption={t("sessions.caption")}
            head={[t("sessions.browser"), t("sessions.ip"), t("sessions.lastActive"), ""]}
          >
            {sessions.map((session) => {
              const lastActive = formatDateTime(session.lastSeenAt, locale);
              return (
                <tr key={session.id}>
                  <Td className="font-medium">
                    {session.browser}
                    {session.current ? (
                      <span className="ml-2 text-xs text-emerald-700 dark:text-emerald-400">
                        {t("sessions.current")}
                      </span>
                    ) : null}
                  </Td>
                  <Td>{session.ip ?? t("sessions.unknownIp")}</Td>
                  <Td>{lastActive}</Td>
                  <Td>
                    {session.current ? null : (
                      <ActionButton
                        action={endSessionAction}
                        fields={{ sessionId: session.id }}
                        label={t("sessions.end")}
                        name={t("sessions.endName", { browser: session.browser, lastActive })}
                        className="text-sm text-blue-700 underline dark:text-blue-400"
                      />
                    )}
                  </Td>
                </tr>
              );
            })}
          </Table>
          {sessions.length > 1 ? (
            <ActionButton
              action={endOtherSessionsAction}
              label={t("sessions.endOthers")}
              className={secondaryButtonClass}
              formClass="mt-4 space-y-2"
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
