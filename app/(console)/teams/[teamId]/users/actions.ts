"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { emailList } from "@/app/_lib/email-list";
import { actionState, checkbox, done, formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/app/_lib/form-state";
import type { MemberAction } from "@/server/members/allowed-actions";
import { groupMembersInput } from "@/server/routers/groups";
import { inviteInput } from "@/server/routers/invitations";
import { teamInput } from "@/server/trpc";

/** One of the row menu's actions on a user; the list said the caller may take it, the change checks again. */
export async function memberAction(
  teamId: string,
  membershipId: string,
  email: string,
  action: MemberAction,
): Promise<FormState> {
  const state = await actionState(async ({ members }) => {
    const target = { teamId, membershipId };
    if (action === "makeManager" || action === "makeMember")
      await members.changeRole({ ...target, role: action === "makeManager" ? "manager" : "member" });
    else if (action === "addLicence" || action === "removeLicence")
      await members.setLicence({ ...target, licensed: action === "addLicence" });
    else if (action === "transferOwnership") await members.transferOwnership(target);
    else await members[action](target);
    return done((await getTranslations("users"))(`done.${action}`, { email }));
  });
  // A refusal may come from a list that changed meanwhile: the page shows the team as it is now.
  revalidatePath(`/teams/${teamId}`, "layout");
  return state;
}

export const inviteAction = formAction(
  teamInput.extend(inviteInput.shape).extend({ emails: emailList(inviteInput.shape.emails), licensed: checkbox }),
  async (input, api) => {
    const { invited } = await api.invitations.invite(input);
    revalidatePath(`/teams/${input.teamId}/users`);
    return done(
      (await getTranslations("users"))("invite.sent", {
        count: invited.length,
        emails: invited.map((i) => i.email).join(", "),
      }),
    );
  },
);

export async function invitationAction(
  teamId: string,
  invitationId: string,
  action: "resend" | "revoke",
): Promise<FormState> {
  return actionState(async (api) => {
    await api.invitations[action]({ teamId, invitationId });
    revalidatePath(`/teams/${teamId}/users`);
    return done((await getTranslations("users"))(`invitations.${action}Done`));
  });
}

export const groupMembersAction = formAction(
  teamInput.extend(groupMembersInput.shape).extend({ intent: z.enum(["add", "remove"]) }),
  async ({ intent, ...input }, { groups }) => {
    const count =
      intent === "add" ? (await groups.addMembers(input)).added : (await groups.removeMembers(input)).removed;
    revalidatePath(`/teams/${input.teamId}`, "layout");
    return done((await getTranslations("users"))(intent === "add" ? "bulk.added" : "bulk.removed", { count }));
  },
);
