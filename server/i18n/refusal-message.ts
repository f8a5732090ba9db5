import { TRPCError } from "@trpc/server";
import { type core, ZodError, z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { CATALOGS } from "@/lib/i18n/messages";
import { DomainError } from "../errors";
import { refusalIn } from "./refusal-format";
import { translatorFor } from "./translator";

export interface RefusalText {
  message: string;
  /** The first problem of each field, by the field's name ("emails", "address.city"). */
  fieldErrors: Record<string, string>;
}

type ValidationKey = keyof (typeof CATALOGS)["en"]["validation"];

/** The routers' own zod messages are written in English; the catalog finds each one's key by its text. */
const VALIDATION_KEYS = new Map(
  Object.entries(CATALOGS.en.validation).map(([key, english]) => [english, key as ValidationKey]),
);

/** A router's validation message in the language given; zod's own messages and unknown text stay as they are. */
export function validationMessage(english: string, locale: Locale): string {
  const key = VALIDATION_KEYS.get(english);
  return key ? translatorFor(locale, "validation")(key) : english;
}

/** Field problems as the person reads them: each field's message, and all of them as one message. */
export function validationText(fieldErrors: Record<string, string>, locale: Locale): RefusalText {
  const translated = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [field, validationMessage(message, locale)]),
  );
  return { message: [...new Set(Object.values(translated))].join(" "), fieldErrors: translated };
}

const ZOD_LOCALES: Record<Locale, () => { localeError: core.$ZodErrorMap }> = { en: z.locales.en, nl: z.locales.nl };

/** A zod issue's message: the router's own in the catalog, else zod's built-in one in the language. */
function issueMessage(issue: core.$ZodIssue, locale: Locale): string {
  if (VALIDATION_KEYS.has(issue.message) || locale === "en") return validationMessage(issue.message, locale);
  const builtIn = ZOD_LOCALES[locale]().localeError(issue as unknown as core.$ZodRawIssue);
  const text = typeof builtIn === "string" ? builtIn : builtIn?.message;
  return text ?? issue.message;
}

function fromZod(error: ZodError, locale: Locale): RefusalText {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issueMessage(issue, locale);
  }
  return { message: [...new Set(Object.values(fieldErrors))].join(" "), fieldErrors };
}

/**
 * A refusal as the person reads it, in their language: a domain refusal's message, or what is
 * wrong with each field. Null for anything else: an unexpected failure keeps its generic answer.
 */
export function refusalText(error: unknown, locale: Locale): RefusalText | null {
  if (error instanceof ZodError) return fromZod(error, locale);
  if (error instanceof DomainError) return { message: refusalIn(error.refusal, locale), fieldErrors: {} };
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    if (error.cause instanceof ZodError) return fromZod(error.cause, locale);
    if (error.cause instanceof DomainError) return refusalText(error.cause, locale);
    return { message: error.message, fieldErrors: {} };
  }
  return null;
}
