import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/app/_components/auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string; next?: string }>;
}) {
  const { email, next } = await searchParams;
  return (
    <AuthCard
      title="Create your Claris ID"
      footer={
        <p>
          Already have an account?{" "}
          <Link
            href={next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in"}
            className="text-blue-700 underline dark:text-blue-400"
          >
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm email={email} next={next} />
    </AuthCard>
  );
}
