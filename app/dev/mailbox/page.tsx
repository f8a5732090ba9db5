import { getLocale, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { EmptyState, inputClass, PageHeader, secondaryButtonClass } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { pageTitle } from "@/app/_lib/page-title";
import { formatDateTime } from "@/lib/format";
import { serverApi } from "@/server/caller";

export const generateMetadata = pageTitle("mailbox");

/** Every mail the console has written, for trying the demo without a mail server. Only in demo mode. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  const { to } = await searchParams;
  const [mails, t, locale] = await Promise.all([
    load(async () => (await serverApi()).dev.mailbox({ to })),
    getTranslations("mailbox"),
    getLocale(),
  ]);
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-4xl px-4 py-8">
      <PageHeader title={t("title")} description={t("description")} />
      <form role="search" className="mb-6 flex max-w-md gap-2">
        <label htmlFor="mailbox-to" className="sr-only">
          {t("recipient")}
        </label>
        <input
          id="mailbox-to"
          name="to"
          type="search"
          defaultValue={to}
          placeholder={t("recipientPlaceholder")}
          className={inputClass}
        />
        <button type="submit" className={secondaryButtonClass}>
          {t("show")}
        </button>
      </form>
      {mails.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <ul className="space-y-4" aria-label={t("mails")}>
          {mails.map((mail) => (
            <li key={mail.id}>
              <article
                aria-label={mail.subject}
                className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <h2 className="font-semibold">{mail.subject}</h2>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {t("sentTo", { to: mail.to, sentAt: formatDateTime(mail.createdAt, locale) })}
                </p>
                <p className="mt-3 whitespace-pre-wrap text-sm">
                  <LinkedText text={mail.text} />
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
          <a key={i} href={part} className="break-all text-blue-700 underline dark:text-blue-400">
            {part}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: these lists have no ids and never reorder
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
