import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">
        Your role in this team does not include it. Ask the team's owner or a team manager if you need it.
      </p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        Go to your teams
      </Link>
    </main>
  );
}
