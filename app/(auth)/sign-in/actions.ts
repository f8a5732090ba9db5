"use server";

import { AuthError } from "next-auth";
import { safeLocalPath } from "@/app/_lib/safe-path";
import { signIn } from "@/server/auth/next-auth";

export interface SignInState {
  error?: string;
}


export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password." };
  try {
    await signIn("credentials", { email, password, redirectTo: safeLocalPath(form.get("next")) });
    return {};
  } catch (error) {
    // A successful sign-in ends in a redirect, which is thrown and must travel on.
    if (error instanceof AuthError) return { error: "The email or password is incorrect." };
    throw error;
  }
}
