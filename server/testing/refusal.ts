import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The error a procedure call was refused with; fails the test when the call answered instead. */
export async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
