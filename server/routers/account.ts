import { accountProfile } from "../accounts/account-profile";
import { staffMemberOf } from "../support/staff-member";
import { accountProcedure, router } from "../trpc";

export const accountRouter = router({
  me: accountProcedure.query(({ ctx }) => accountProfile(ctx.db, ctx.actor.accountId)),
  /** Staff rights, so that the console can offer the staff console. */
  staff: accountProcedure.query(({ ctx }) => staffMemberOf(ctx.db, ctx.actor.accountId)),
});
