"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/_lib/form-action";
import { createTeamInput } from "@/server/routers/teams";

/** Creates the team and opens its Home: the switcher of every page lists it from then on. */
export const createTeamAction = formAction(createTeamInput, async (input, api) => {
  const { id } = await api.teams.create(input);
  revalidatePath("/", "layout");
  redirect(`/teams/${id}/home`);
});
