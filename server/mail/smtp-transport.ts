import nodemailer from "nodemailer";
import type { MailTransport } from "./deliver-mail";

/** SMTP through nodemailer; SMTP_URL like smtp://user:pass@host:587, MAIL_FROM the sender. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
      });
    },
  };
}

export function configuredMailTransport(): MailTransport | null {
  const url = process.env.SMTP_URL;
  return url ? smtpTransport(url, process.env.MAIL_FROM ?? "Customer Console <no-reply@localhost>") : null;
}
