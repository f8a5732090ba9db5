import fs from "node:fs";
import path from "node:path";

/** deploy/nginx/console.conf: the proxy's configuration, the same for the containers and for CI. */
export const CONSOLE_CONF = path.join(import.meta.dirname, "..", "nginx", "console.conf");

/**
 * The template with every `${NAME}` filled in, as envsubst fills it in the proxy image. A
 * placeholder without a value, or a value nobody asked for, is an error: the two stay in step.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const used = new Set<string>();
  const filled = template.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${CONSOLE_CONF} needs a value for \${${name}}.`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`${CONSOLE_CONF} has no \${${unused.join("}, ${")}}.`);
  return filled;
}

/**
 * An nginx.conf that an ordinary user can run from `directory`: pid, logs and temporary files
 * there, in the foreground, with the console's configuration as its http block.
 */
export function writeNginxConfig(directory: string, values: Record<string, string>): string {
  const consoleConf = path.join(directory, "console.conf");
  fs.writeFileSync(consoleConf, fillTemplate(fs.readFileSync(CONSOLE_CONF, "utf8"), values));
  const temporary = (name: string) => `${name}_temp_path ${path.join(directory, `${name}-temp`)};`;
  const main = [
    "daemon off;",
    "worker_processes 1;",
    `pid ${path.join(directory, "nginx.pid")};`,
    `error_log ${path.join(directory, "error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temporary(name)}`),
    `  include ${consoleConf};`,
    "}",
    "",
  ].join("\n");
  const mainConf = path.join(directory, "nginx.conf");
  fs.writeFileSync(mainConf, main);
  return mainConf;
}
