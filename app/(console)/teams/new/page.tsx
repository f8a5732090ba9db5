import { getTranslations } from "next-intl/server";
import { AccountHeader } from "@/app/_components/account-header";
import { Card, PageHeader } from "@/app/_components/ui";
import { load } from "@/app/_lib/load";
import { CURRENCY } from "@/server/billing/plan-catalog";
import { serverApi } from "@/server/caller";
import { productName, type TeamProduct } from "@/server/permissions";
import { CreateTeamForm } from "./create-team-form";

export async function generateMetadata() {
  return { title: (await getTranslations("team.create"))("title") };
}

const PRODUCTS: TeamProduct[] = ["filemaker_cloud", "claris_connect"];

/** A team of the person's own, on a trial: reached from the team switcher. */
export default async function NewTeamPage() {
  const api = await serverApi();
  const [plans, t] = await Promise.all([load(() => api.teams.trialPlans()), getTranslations("team.create")]);
  return (
    <div className="min-h-screen">
      <AccountHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
        <PageHeader title={t("title")} description={t("description")} />
        <Card title={t("card")}>
          <CreateTeamForm
            products={PRODUCTS.map((value) => ({ value, label: productName(value) }))}
            plans={plans}
            currency={CURRENCY}
          />
        </Card>
      </main>
    </div>
  );
}
