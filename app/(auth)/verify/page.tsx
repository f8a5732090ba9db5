import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; next?: string; sent?: string }>;
}) {
  const { email, next, sent } = await searchParams;
  return (
    <AuthCard title="Verify your email">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        {sent === "0"
          ? "This address is not verified yet. Type the code from our mail, or ask for a new one."
          : `We sent a six-digit code to ${email ?? "your address"}. Type it here to finish creating your account.`}
      </p>
      <VerifyForm email={email} next={next} />
    </AuthCard>
  );
}
