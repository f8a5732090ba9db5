import type { Metadata } from "next";
import { Card, PageHeader, secondaryButtonClass, Table, Td } from "@/app/_components/ui";
import { formatDateTime } from "@/app/_lib/format";
import { load } from "@/app/_lib/load";
import { serverApi } from "@/server/caller";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import { TwoStepPanel } from "./two-step-panel";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await searchParams;
  const api = await serverApi();
  const [status, sessions] = await Promise.all([
    load(() => api.security.status()),
    load(() => api.security.sessions()),
  ]);
  return (
    <>
      <PageHeader title="Security" description="How you sign in, and where you are signed in." />
      {required && !status.twoStepEnabledAt ? (
        <p
          role="alert"
          className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {required} requires two-step verification. Turn it on below to open that team.
        </p>
      ) : null}
      <div className="space-y-6">
        <Card title="Two-step verification">
          <TwoStepPanel
            enabledSince={status.twoStepEnabledAt ? formatDateTime(status.twoStepEnabledAt) : null}
            recoveryCodesLeft={status.recoveryCodesLeft}
          />
        </Card>
        <Card title="Where you are signed in">
          <Table caption="Sessions" head={["Browser", "IP address", "Last active", ""]}>
            {sessions.map((session) => (
              <tr key={session.id}>
                <Td className="font-medium">
                  {session.browser}
                  {session.current ? (
                    <span className="ml-2 text-xs text-emerald-700 dark:text-emerald-400">This session</span>
                  ) : null}
                </Td>
                <Td>{session.ip ?? "Unknown"}</Td>
                <Td>{formatDateTime(session.lastSeenAt)}</Td>
                <Td>
                  {session.current ? null : (
                    <form action={endSessionAction}>
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button
                        type="submit"
                        className="text-sm text-blue-700 underline dark:text-blue-400"
                        aria-label={`End session: ${session.browser}, last active ${formatDateTime(session.lastSeenAt)}`}
                      >
                        End
                      </button>
                    </form>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
          {sessions.length > 1 ? (
            <form action={endOtherSessionsAction} className="mt-4">
              <button type="submit" className={secondaryButtonClass}>
                Sign out everywhere else
              </button>
            </form>
          ) : null}
        </Card>
      </div>
    </>
  );
}
