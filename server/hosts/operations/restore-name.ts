/** A restored database's name, without the extension the console adds: what the host accepts as a file name. */
export const RESTORE_NAME = /^[^/\\:*?"<>|]{1,96}$/;

export const FILEMAKER_EXTENSION = ".fmp12";

/** The file name the host gives a restored database. */
export function restoredFilename(targetName: string): string {
  return `${targetName}${FILEMAKER_EXTENSION}`;
}
