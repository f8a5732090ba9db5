import Link from "next/link";

export default function NotFound() {
  return (
    <main
      id="main"
      tabIndex={-1}
      className="focus:outline-none flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">
        This page does not exist, or it belongs to a team you are not in.
      </p>
      <Link href="/" className="text-blue-700 underline dark:text-blue-400">
        Go to your teams
      </Link>
    </main>
  );
}
