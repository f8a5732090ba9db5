/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "pino", "postgres"],
  poweredByHeader: false,
};

export default nextConfig;
