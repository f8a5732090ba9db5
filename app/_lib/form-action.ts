import "server-only";
import { parseWithZod } from "@conform-to/zod/v4";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverApi } from "@/server/caller";
import { REQUEST_ID_HEADER } from "@/server/http/client-address";
import { refusalText, validationText } from "@/server/i18n/refusal-message";
import type { FormState } from "./form-state";

type ServerApi = Awaited<ReturnType<typeof serverApi>>;

/** A checkbox: sent as "on" when ticked and not at all when not, so absent means false. */
export const checkbox = z.boolean().default(false);

/** What an action returns when its procedure succeeded. */
export interface Done<Value> {
  notice: string | null;
  value: Value;
}

export function done(notice: string | null): Done<undefined>;
export function done<Value>(notice: string | null, value: Value): Done<Value>;
export function done<Value>(notice: string | null, value?: Value): Done<Value | undefined> {
  return { notice, value };
}

async function refusedState(
  message: string,
  fieldErrors: Record<string, string> = {},
): Promise<Extract<FormState, { status: "refused" }>> {
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? "unknown";
  return { status: "refused", message, requestId, fieldErrors };
}

/**
 * Runs a procedure for an action and turns what happens into the form's state. A refusal is
 * always shown, in the reader's language; anything unexpected is logged by the procedure and
 * answered with the generic message and the request id to quote. Redirects pass through.
 */
export async function actionState<Value>(run: (api: ServerApi) => Promise<Done<Value>>): Promise<FormState<Value>> {
  try {
    const { notice, value } = await run(await serverApi());
    return { status: "done", notice, value };
  } catch (error) {
    unstable_rethrow(error);
    const refusal = refusalText(error, await getLocale());
    if (refusal) return refusedState(refusal.message, refusal.fieldErrors);
    // The procedure has logged its own failure; anything else is a fault of the page, for its error boundary.
    if (!(error instanceof TRPCError)) throw error;
    const t = await getTranslations("common");
    return refusedState(t("unexpectedError"));
  }
}

/**
 * One way from a form to a procedure: the form is read with the procedure's own input schema
 * (text to numbers, checkboxes to booleans, repeated names to lists), fields at fault are named,
 * and the valid input goes to `run`, which calls the procedure and says what to tell the person.
 */
export function formAction<Schema extends z.ZodType, Value = undefined>(
  schema: Schema,
  run: (input: z.output<Schema>, api: ServerApi) => Promise<Done<Value>>,
): (previous: FormState<Value>, form: FormData) => Promise<FormState<Value>> {
  return async (_previous, form) => {
    const submission = parseWithZod(form, { schema });
    if (submission.status !== "success") {
      const fieldErrors: Record<string, string> = {};
      for (const [field, messages] of Object.entries(submission.error ?? {})) {
        if (messages?.[0]) fieldErrors[field || "form"] = messages[0];
      }
      const refusal = validationText(fieldErrors, await getLocale());
      return refusedState(refusal.message, refusal.fieldErrors);
    }
    return actionState((api) => run(submission.value as z.output<Schema>, api));
  };
}
