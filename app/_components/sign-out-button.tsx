import { signOutAction } from "@/app/_lib/sign-out-action";
import { secondaryButtonClass } from "./ui";

export function SignOutButton({ className = secondaryButtonClass }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
