"use server";

import { redirect } from "next/navigation";
import { actionResult } from "@/app/_lib/action-result";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { serverApi } from "@/server/caller";
import { invitationTokenInPath } from "@/server/invitations/inviting-team";

export interface SignUpState {
  name?: string;
  email?: string;
  error?: string;
}

export async function signUpAction(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const input = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? "").trim(),
    password: String(form.get("password") ?? ""),
    invitationToken: invitationTokenInPath(safeLocalPath(form.get("next"))),
  };
  const result = await actionResult(async () => (await serverApi()).auth.signUp(input));
  if (!result.ok) return { name: input.name, email: input.email, error: result.error };
  redirect(`/verify?${new URLSearchParams({ email: input.email, next: safeLocalPath(form.get("next")) })}`);
}
