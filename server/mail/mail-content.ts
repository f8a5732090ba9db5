import { decrypt, encrypt } from "../crypto/encryption";
import { keyRing } from "../crypto/key-ring";

export interface MailContent {
  subject: string;
  text: string;
  html: string | null;
}

/**
 * Subject and bodies are stored encrypted with the key ring: mails carry single-use links and
 * codes (invitations, resets, verification), which must not be readable from the table.
 */
export function sealMailContent(mail: { subject: string; text: string; html?: string | null }) {
  const ring = keyRing();
  return {
    subject: encrypt(ring, mail.subject),
    textBody: encrypt(ring, mail.text),
    htmlBody: mail.html ? encrypt(ring, mail.html) : null,
  };
}

/** The readable mail of a stored outbox row, for sending it or showing it in the Mailbox. */
export function openMailContent(row: { subject: string; textBody: string; htmlBody: string | null }): MailContent {
  const ring = keyRing();
  return {
    subject: decrypt(ring, row.subject),
    text: decrypt(ring, row.textBody),
    html: row.htmlBody === null ? null : decrypt(ring, row.htmlBody),
  };
}
