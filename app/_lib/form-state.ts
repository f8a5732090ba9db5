/**
 * What a form shows after its action ran, one shape for every form of the console: nothing yet,
 * done (with a notice, and a value when the page needs one), or refused (a message that says
 * what to fix, the request id to quote, and the fields at fault by name).
 */
export type FormState<Value = undefined> =
  | { status: "idle" }
  | { status: "done"; notice: string | null; value: Value }
  | { status: "refused"; message: string; requestId: string; fieldErrors: Record<string, string> };

export const IDLE: FormState<never> = { status: "idle" };
