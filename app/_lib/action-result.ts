import "server-only";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { readableZodMessage } from "@/server/trpc";

export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs a procedure from a server action and turns a refusal into a message for the form,
 * so the person sees what to fix; unexpected errors keep their generic, request-id message.
 */
export async function actionResult<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        return { ok: false, error: "Something went wrong on our side. Try again in a moment." };
      }
      if (error.cause instanceof ZodError) return { ok: false, error: readableZodMessage(error.cause) };
      return { ok: false, error: error.message };
    }
    throw error;
  }
}
