"use server";

import { revalidatePath } from "next/cache";
import { actionResult } from "@/app/_lib/action-result";
import { updateAuthSession } from "@/server/auth/next-auth";
import { serverApi } from "@/server/caller";

export interface TwoStepState {
  stage: "idle" | "password" | "scan" | "codes";
  setupKey?: string;
  qrCode?: string;
  recoveryCodes?: string[];
  error?: string;
}

/** Turning two-step verification on: password, then the app's code, then the recovery codes. */
export async function enrolTwoStepAction(previous: TwoStepState, form: FormData): Promise<TwoStepState> {
  const api = await serverApi();
  if (form.get("intent") === "begin") return { stage: "password" };
  if (previous.stage === "password") {
    const started = await actionResult(() => api.security.startTotp({ password: String(form.get("password") ?? "") }));
    return started.ok ? { stage: "scan", ...started.value } : { ...previous, error: started.error };
  }
  if (previous.stage === "scan") {
    const confirmed = await actionResult(() => api.security.confirmTotp({ code: String(form.get("code") ?? "") }));
    if (!confirmed.ok) return { ...previous, error: confirmed.error };
    // The session was replaced at this privilege change; move the cookie to its successor.
    if (confirmed.value.sessionId) await updateAuthSession({ sid: confirmed.value.sessionId } as never);
    revalidatePath("/profile/security");
    return { stage: "codes", recoveryCodes: confirmed.value.recoveryCodes };
  }
  return { stage: "idle" };
}

export interface PasswordAndCodeState {
  error?: string;
  recoveryCodes?: string[];
  done?: boolean;
}

export async function disableTwoStepAction(
  _previous: PasswordAndCodeState,
  form: FormData,
): Promise<PasswordAndCodeState> {
  const result = await actionResult(async () =>
    (await serverApi()).security.disableTotp({
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
    }),
  );
  if (!result.ok) return { error: result.error };
  revalidatePath("/profile/security");
  return { done: true };
}

export async function newRecoveryCodesAction(
  _previous: PasswordAndCodeState,
  form: FormData,
): Promise<PasswordAndCodeState> {
  const result = await actionResult(async () =>
    (await serverApi()).security.regenerateRecoveryCodes({ password: String(form.get("password") ?? "") }),
  );
  if (!result.ok) return { error: result.error };
  revalidatePath("/profile/security");
  return { recoveryCodes: result.value };
}

export async function endSessionAction(form: FormData): Promise<void> {
  await actionResult(async () =>
    (await serverApi()).security.endSession({ sessionId: String(form.get("sessionId") ?? "") }),
  );
  revalidatePath("/profile/security");
}

export async function endOtherSessionsAction(): Promise<void> {
  await actionResult(async () => (await serverApi()).security.endOtherSessions());
  revalidatePath("/profile/security");
}
