import type { OutgoingMail } from "../mail/enqueue-mail";
import { consoleOrigin } from "./console-origin";
import { INVITATION_DAYS } from "./invitation-token";

export function invitationLink(token: string): string {
  return `${consoleOrigin()}/invitations/${token}`;
}

/** The mail that carries an invitation's single-use link. */
export function invitationMail(input: {
  teamId: string;
  teamName: string;
  email: string;
  role: "manager" | "member";
  licensed: boolean;
  token: string;
}): OutgoingMail {
  const as = input.role === "manager" ? "a team manager" : "a member";
  const licence = input.licensed ? " with a FileMaker Cloud licence" : "";
  return {
    to: input.email,
    teamId: input.teamId,
    subject: `You are invited to join ${input.teamName}`,
    text:
      `You are invited to join ${input.teamName} in Customer Console as ${as}${licence}.\n\n` +
      `Open this link within ${INVITATION_DAYS} days to sign in or create your Claris ID with this address, then join the team:\n` +
      `${invitationLink(input.token)}\n\n` +
      "The link works once. If you did not expect this invitation, ignore this mail.\n",
  };
}
