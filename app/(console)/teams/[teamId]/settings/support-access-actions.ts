"use server";

import { revalidatePath } from "next/cache";
import { done, formAction } from "@/app/_lib/form-action";
import { grantSupportAccessInput, revokeSupportAccessInput } from "@/server/routers/support-access";
import { teamInput } from "@/server/trpc";

export const grantSupportAccessAction = formAction(
  teamInput.extend(grantSupportAccessInput.shape),
  async (input, api) => {
    await api.supportAccess.grant(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done(null);
  },
);

/** A grant revoked meanwhile (in another tab, by another manager) is refused, and the refusal shown. */
export const revokeSupportAccessAction = formAction(
  teamInput.extend(revokeSupportAccessInput.shape),
  async (input, api) => {
    await api.supportAccess.revoke(input);
    revalidatePath(`/teams/${input.teamId}/settings`);
    return done(null);
  },
);
