"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_lib/form-action";
import { safeLocalPath } from "@/lib/safe-path";
import { invitationTokenInPath } from "@/server/invitations/inviting-team";
import { signUpInput } from "@/server/routers/auth";

/** A new account joins the team whose invitation link it came from, when there is one. */
export const signUpAction = formAction(
  signUpInput.omit({ invitationToken: true }).extend({ next: z.string().optional() }),
  async ({ next, ...account }, api) => {
    const to = safeLocalPath(next);
    await api.auth.signUp({ ...account, invitationToken: invitationTokenInPath(to) });
    redirect(`/verify?${new URLSearchParams({ email: account.email, next: to })}`);
  },
);
