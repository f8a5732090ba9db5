import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "../i18n/translator";
import type { OutgoingMail } from "../mail/enqueue-mail";
import { consoleOrigin } from "./console-origin";
import { INVITATION_DAYS } from "./invitation-token";

export function invitationLink(token: string): string {
  return `${consoleOrigin()}/invitations/${token}`;
}

/** A custom app someone was invited to use, named in the invitation mail. */
export interface SharedApp {
  id: string;
  name: string;
  hostName: string;
}

/** The mail that carries an invitation's single-use link, naming the custom app when one was shared. */
export function invitationMail(input: {
  teamId: string;
  teamName: string;
  email: string;
  role: "manager" | "member";
  licensed: boolean;
  token: string;
  app?: SharedApp | null;
  /** The invitee has no account yet: the mail speaks the language of the person who invites. */
  locale: Locale;
}): OutgoingMail {
  const t = translatorFor(input.locale, "mail");
  const app = {
    shared: input.app ? "yes" : "no",
    appName: input.app?.name ?? "",
    hostName: input.app?.hostName ?? "",
  };
  return {
    to: input.email,
    teamId: input.teamId,
    subject: t("invitation.subject", { teamName: input.teamName, ...app }),
    text: t("invitation.text", {
      ...app,
      teamName: input.teamName,
      role: input.role,
      licensed: input.licensed ? "yes" : "no",
      days: INVITATION_DAYS,
      link: invitationLink(input.token),
    }),
  };
}
