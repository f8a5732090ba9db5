import "server-only";
import { TRPCError } from "@trpc/server";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DomainError } from "@/server/errors";

/**
 * Runs a procedure for a page and turns its refusals into the page's answer:
 * signed out goes to sign-in, a refused role gets 403, an unknown team 404. Pages pass only
 * what the URL holds, so input the server rejects means there is no such page.
 */
export async function load<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/sign-in");
      if (error.cause instanceof DomainError && error.cause.code === "MFA_REQUIRED") {
        const team = error.cause.details.teamName ?? (await getTranslations("common"))("aTeam");
        redirect(`/profile/security?${new URLSearchParams({ required: team })}`);
      }
      if (error.code === "FORBIDDEN" || error.code === "PRECONDITION_FAILED") forbidden();
      if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
    }
    throw error;
  }
}
