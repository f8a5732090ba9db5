import { AccessRefused } from "@/app/_components/ui";

/** Inside the team's shell, so the navigation shows what the viewer may open instead. */
export default function TeamPageForbidden() {
  return (
    <section className="flex min-h-[40vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <AccessRefused />
    </section>
  );
}
