import "server-only";
import { lookup as systemLookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { isPrivateAddress, privateAddressAllowed } from "./outbound-url";

/**
 * The address check again, at the moment the socket connects: a host whose DNS answer changed
 * after checkOutboundUrl looked (DNS rebinding) is refused here, on the address actually used.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  systemLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as Array<{ address: string; family: number }>;
    const usable = privateAddressAllowed(hostname) ? list : list.filter((entry) => !isPrivateAddress(entry.address));
    if (usable.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves to a private network address`), {
        code: "EPRIVATEADDRESS",
      });
      return callback(refused, "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
    callback(null, usable[0]!.address, usable[0]!.family);
  });
};
