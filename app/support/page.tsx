import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import { ConsoleHeader } from "@/app/_components/console-header";
import { Checkbox, Field } from "@/app/_components/form-parts";
import { SubmitForm } from "@/app/_components/form-status";
import {
  Badge,
  buttonClass,
  Card,
  EmptyState,
  inputClass,
  PageHeader,
  StatusBadge,
  secondaryButtonClass,
  Table,
  Td,
} from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";
import { exitReadOnlyViewAction, openReadOnlyViewAction } from "./actions";

export const generateMetadata = pageTitle("support");

export default async function StaffConsolePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; team?: string; ended?: string }>;
}) {
  const { q, team, ended } = await searchParams;
  const api = await serverApi();
  const [t, locale, me, staff, current, results] = await Promise.all([
    getTranslations("support"),
    getLocale(),
    load(() => api.account.me()),
    load(() => api.staffConsole.me()),
    load(() => api.staffConsole.current()),
    q ? load(() => api.staffConsole.searchTeams({ query: q })) : Promise.resolve([]),
  ]);
  const chosen = results.find((r) => r.id === team) ?? (results.length === 1 ? results[0] : undefined);
  return (
    <div className="min-h-screen">
      <ConsoleHeader me={me}>
        <span className="text-sm font-medium">{t("title")}</span>
      </ConsoleHeader>
      <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-5xl px-4 py-6">
        <PageHeader
          title={t("title")}
          description={t("description", {
            email: staff.email,
            role: t(staff.role === "support_admin" ? "roles.support_admin" : "roles.support"),
          })}
        />
        {ended && !current ? (
          <p
            role="status"
            className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {t("viewEnded")}
          </p>
        ) : null}
        {current ? (
          <Card className="mb-6">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm">
                {t.rich("viewOpen", {
                  team: current.teamName,
                  endsAt: formatDateTime(current.endsAt, locale),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              <div className="flex gap-2">
                <Link href={`/teams/${current.teamId}/home`} className={secondaryButtonClass}>
                  {t("backToTeam", { team: current.teamName })}
                </Link>
                <ActionButton action={exitReadOnlyViewAction} label={t("exit")} className={secondaryButtonClass} />
              </div>
            </div>
          </Card>
        ) : null}
        <form role="search" className="mb-6 flex max-w-xl gap-2">
          <label htmlFor="team-search" className="sr-only">
            {t("search.label")}
          </label>
          <input
            id="team-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("search.placeholder")}
            className={inputClass}
          />
          <button type="submit" className={secondaryButtonClass}>
            {t("search.submit")}
          </button>
        </form>
        {q && results.length === 0 ? (
          <EmptyState title={t("search.noMatch", { query: q })}>{t("search.noMatchHint")}</EmptyState>
        ) : null}
        {results.length > 0 ? (
          <Table
            caption={t("results.caption")}
            head={[t("results.team"), t("results.product"), t("results.status"), t("results.access")]}
          >
            {results.map((result) => (
              <tr key={result.id}>
                <Td className="font-medium">
                  <Link
                    href={`/support?${new URLSearchParams({ q: q!, team: result.id })}`}
                    className="text-blue-700 underline dark:text-blue-400"
                  >
                    {result.name}
                  </Link>
                </Td>
                <Td>{productName(result.product)}</Td>
                <Td>
                  <StatusBadge status={result.status} />
                </Td>
                <Td>
                  <Badge tone={result.accessGranted ? "green" : "slate"}>
                    {t(result.accessGranted ? "results.granted" : "results.notGranted")}
                  </Badge>
                </Td>
              </tr>
            ))}
          </Table>
        ) : null}
        {chosen ? (
          <Card title={t("open.title", { team: chosen.name })} className="mt-6">
            <SubmitForm
              action={openReadOnlyViewAction}
              submit={t("open.submit")}
              submitClass={buttonClass}
              className="max-w-lg space-y-4"
            >
              <input type="hidden" name="teamId" value={chosen.id} />
              <Field
                name="reason"
                label={t("open.reason")}
                required
                hint={
                  chosen.accessGranted
                    ? t("open.reasonHintGranted", { team: chosen.name })
                    : t("open.reasonHintNotGranted")
                }
              />
              {!chosen.accessGranted && staff.role === "support_admin" ? (
                <Checkbox name="breakGlass" label={t("open.breakGlass")} />
              ) : null}
            </SubmitForm>
          </Card>
        ) : null}
      </main>
    </div>
  );
}
