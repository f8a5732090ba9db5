import { accountProfile } from "../accounts/account-profile";
import { accountProcedure, router } from "../trpc";

export const accountRouter = router({
  me: accountProcedure.query(({ ctx }) => accountProfile(ctx.db, ctx.actor.accountId)),
});
