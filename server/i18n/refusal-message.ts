import "server-only";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { DomainError } from "../errors";

export interface RefusalText {
  message: string;
  /** The first problem of each field, by the field's name ("emails", "address.city"). */
  fieldErrors: Record<string, string>;
}

/** Field problems as the person reads them: each field's message, and all of them as one message. */
export function validationText(fieldErrors: Record<string, string>, _locale: Locale): RefusalText {
  return { message: [...new Set(Object.values(fieldErrors))].join(" "), fieldErrors };
}

function fromZod(error: ZodError, locale: Locale): RefusalText {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  return validationText(fieldErrors, locale);
}

/**
 * A refusal as the person reads it, in their language: a domain refusal's message, or what is
 * wrong with each field. Null for anything else: an unexpected failure keeps its generic answer.
 */
export function refusalText(error: unknown, locale: Locale): RefusalText | null {
  if (error instanceof ZodError) return fromZod(error, locale);
  if (error instanceof DomainError) return { message: error.message, fieldErrors: {} };
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    if (error.cause instanceof ZodError) return fromZod(error.cause, locale);
    if (error.cause instanceof DomainError) return refusalText(error.cause, locale);
    return { message: error.message, fieldErrors: {} };
  }
  return null;
}
