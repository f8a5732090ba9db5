import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleHeader } from "@/app/_components/console-header";
import {
  Badge,
  Card,
  EmptyState,
  inputClass,
  PageHeader,
  StatusBadge,
  secondaryButtonClass,
  Table,
  Td,
} from "@/app/_components/ui";
import { formatDateTime } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { productName } from "@/server/permissions";
import { exitReadOnlyViewAction } from "./actions";
import { OpenViewForm } from "./open-view-form";

export const metadata: Metadata = { title: "Staff console" };

export default async function StaffConsolePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; team?: string; ended?: string }>;
}) {
  const { q, team, ended } = await searchParams;
  const api = await serverApi();
  const [me, staff, current, results] = await Promise.all([
    load(() => api.account.me()),
    load(() => api.staffConsole.me()),
    load(() => api.staffConsole.current()),
    q ? load(() => api.staffConsole.searchTeams({ query: q })) : Promise.resolve([]),
  ]);
  const chosen = results.find((r) => r.id === team) ?? (results.length === 1 ? results[0] : undefined);
  return (
    <div className="min-h-screen">
      <ConsoleHeader me={me}>
        <span className="text-sm font-medium">Staff console</span>
      </ConsoleHeader>
      <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-5xl px-4 py-6">
        <PageHeader
          title="Staff console"
          description={`Signed in as ${staff.email} (${staff.role === "support_admin" ? "support admin" : "support"}). Teams open read-only, with their consent, and see every view in their audit log.`}
        />
        {ended && !current ? (
          <p
            role="status"
            className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            Your read-only view has ended: its time was up, or the team revoked support access. Open the team again if
            it still allows it.
          </p>
        ) : null}
        {current ? (
          <Card className="mb-6">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm">
                Your read-only view of <strong>{current.teamName}</strong> is open until{" "}
                {formatDateTime(current.endsAt)}.
              </p>
              <div className="flex gap-2">
                <Link href={`/teams/${current.teamId}/home`} className={secondaryButtonClass}>
                  Back to {current.teamName}
                </Link>
                <form action={exitReadOnlyViewAction}>
                  <button type="submit" className={secondaryButtonClass}>
                    Exit
                  </button>
                </form>
              </div>
            </div>
          </Card>
        ) : null}
        <form role="search" className="mb-6 flex max-w-xl gap-2">
          <label htmlFor="team-search" className="sr-only">
            Search teams
          </label>
          <input
            id="team-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Team name, Team ID or owner email"
            className={inputClass}
          />
          <button type="submit" className={secondaryButtonClass}>
            Search
          </button>
        </form>
        {q && results.length === 0 ? (
          <EmptyState title={`No team matches "${q}"`}>
            Try part of the name, the whole Team ID, or the owner's email.
          </EmptyState>
        ) : null}
        {results.length > 0 ? (
          <Table caption="Teams" head={["Team", "Product", "Status", "Support access"]}>
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
                <Td>{result.accessGranted ? <Badge tone="green">Granted</Badge> : <Badge>Not granted</Badge>}</Td>
              </tr>
            ))}
          </Table>
        ) : null}
        {chosen ? (
          <Card title={`Open ${chosen.name}`} className="mt-6">
            <OpenViewForm
              teamId={chosen.id}
              teamName={chosen.name}
              granted={chosen.accessGranted}
              mayBreakGlass={staff.role === "support_admin"}
            />
          </Card>
        ) : null}
      </main>
    </div>
  );
}
