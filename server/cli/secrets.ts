import { generateSecrets } from "../config/secrets";

/** Prints fresh secrets for a production environment file. */
const secrets = generateSecrets();
console.log(`AUTH_SECRET=${secrets.authSecret}`);
console.log(`ENCRYPTION_KEYS=${secrets.encryptionKeys}`);
console.log(`AUDIT_SIGNING_KEYS=${secrets.auditSigningKeys}`);
