import { noRequest, systemActor } from "../actor";
import { systemClock } from "../clock";
import { DomainError } from "../errors";
import { addStaff, removeStaff } from "../support/add-staff";
import { openConfiguredDatabase } from "./configured-database";

/**
 * npm run staff -- add <email> --role support|support_admin
 * npm run staff -- remove <email>
 */
const [command, email, ...rest] = process.argv.slice(2);
const roleFlag = rest.indexOf("--role");
const role = roleFlag >= 0 ? rest[roleFlag + 1] : "support";
const usage =
  "Usage: npm run staff -- add <email> --role support|support_admin\n       npm run staff -- remove <email>";

if (!email || (command !== "add" && command !== "remove") || (role !== "support" && role !== "support_admin")) {
  console.error(usage);
  process.exit(2);
}

const handle = await openConfiguredDatabase();
const ctx = { actor: systemActor("Staff command"), clock: systemClock, request: noRequest };
try {
  await handle.migrate();
  if (command === "add") {
    const { setupKey } = await addStaff(handle.db, ctx, { email, role });
    console.log(`${email} is now ${role}.`);
    if (setupKey)
      console.log(`Two-step verification was turned on. Put this setup key in an authenticator app: ${setupKey}`);
  } else {
    await removeStaff(handle.db, ctx, email);
    console.log(`${email} is no longer staff.`);
  }
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
