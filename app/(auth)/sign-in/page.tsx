import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { serverApi } from "@/server/caller";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const signedIn = await (await serverApi()).account.me().then(
    () => true,
    () => false,
  );
  if (signedIn) redirect(safeLocalPath(next));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wider text-blue-700 dark:text-blue-400">
          Customer Console
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="mb-6 text-xl font-semibold">Sign in with your Claris ID</h1>
          <SignInForm next={next} />
        </div>
      </div>
    </main>
  );
}
