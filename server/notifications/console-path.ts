/** A path inside the console: one leading "/", no scheme, host, backslash or control character. */
export function isConsolePath(link: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  return /^\/(?!\/)[^\u0000-\u001f\u007f-\u009f\\\s]*$/.test(link);
}
