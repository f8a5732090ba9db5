import type { Metadata } from "next";
import { AuthCard } from "@/app/_components/auth-card";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm your new email address" };

/** Opening the mailed link changes nothing by itself (mail scanners open links); the button does. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Confirm your new email address">
      <ConfirmEmailForm token={token} />
    </AuthCard>
  );
}
