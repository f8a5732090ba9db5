import createNextIntlPlugin from "next-intl/plugin";

/** next-intl finds each request's language and catalogs here. */
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-saml/node-saml", "argon2", "pino", "postgres"],
  poweredByHeader: false,
  // forbidden() answers 403 with app/forbidden.tsx when a role may not open a page.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
