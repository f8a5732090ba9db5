/** Inside the team's shell, so the navigation shows what the viewer may open instead. */
export default function TeamPageForbidden() {
  return (
    <section className="flex min-h-[40vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="max-w-md text-slate-600 dark:text-slate-400">
        Your role in this team does not include it. Ask the team's owner or a team manager if you need it.
      </p>
    </section>
  );
}
