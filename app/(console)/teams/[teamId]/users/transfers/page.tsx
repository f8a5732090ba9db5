import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState, PageHeader, Table, Td } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/server/caller";
import { AnswerButtons } from "./answer-buttons";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountTransfers.requests"))("title") };
}

const OTHER_SIDE = { notNeeded: "otherNotNeeded", waiting: "otherWaiting", allowed: "otherAllowed" } as const;

/** Requests to move into or out of the team that wait for its managers: where notifications of them lead. */
export default async function TransferRequestsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const api = await serverApi();
  const [t, locale, access, requests] = await Promise.all([
    getTranslations("accountTransfers.requests"),
    getLocale(),
    load(() => api.teams.access({ teamId })),
    load(() => api.accountTransfers.waiting({ teamId })),
  ]);
  const canAnswer = access.permissions.includes("transfers.answer");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <Link href={`/teams/${teamId}/users`} className="text-sm text-blue-700 hover:underline dark:text-blue-400">
          {t("back")}
        </Link>
      </PageHeader>
      {requests.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("empty")}</EmptyState>
      ) : (
        <Table
          caption={t("caption")}
          head={[t("person"), t("move"), t("sent"), t("expires"), ...(canAnswer ? [""] : [])]}
        >
          {requests.map((request) => (
            <tr key={request.id}>
              <Td>
                <span className="block font-medium">{request.name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{request.email}</span>
              </Td>
              <Td>
                <span className="block">{t(request.side, { team: request.otherTeamName })}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {t(OTHER_SIDE[request.otherSide], { team: request.otherTeamName })}
                </span>
              </Td>
              <Td>{formatDate(request.createdAt, locale as Locale)}</Td>
              <Td>{formatDate(request.expiresAt, locale as Locale)}</Td>
              {canAnswer ? (
                <Td className="text-right">
                  {request.allowedHere ? (
                    <span className="text-sm text-slate-600 dark:text-slate-400">{t("allowedHere")}</span>
                  ) : (
                    <AnswerButtons teamId={teamId} transferId={request.id} />
                  )}
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
