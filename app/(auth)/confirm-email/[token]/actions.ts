"use server";

import { getTranslations } from "next-intl/server";
import { actionState, done } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";

/** The mailed link's token, bound by the page: the button confirms the new address. */
export async function confirmEmailAction(token: string, _previous: FormState): Promise<FormState> {
  return actionState(async (api) => {
    const { email } = await api.profile.confirmEmailChange({ token });
    return done((await getTranslations("auth.confirmEmail"))("changed", { email }));
  });
}
