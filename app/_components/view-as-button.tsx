import { viewAsAction } from "@/app/support/actions";

/** Support only: see the console exactly as this member does (still read-only, and audited). */
export function ViewAsButton({ teamId, membershipId, name }: { teamId: string; membershipId: string; name: string }) {
  return (
    <form action={viewAsAction}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className="text-sm text-blue-700 underline dark:text-blue-400">
        View as {name}
      </button>
    </form>
  );
}
