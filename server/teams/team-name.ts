import { DomainError } from "../errors";

export const TEAM_NAME_MAX = 100;

/** C0 and C1 controls (tabs, line breaks, escapes): invisible in a name, and they break lists and mail subjects. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** A team's name as typed, trimmed: 1 to 100 characters and no control characters. */
export function teamName(typed: string): string {
  const name = typed.trim();
  if (!name) throw new DomainError("INVALID_INPUT", "typeATeamName");
  if (CONTROL_CHARACTER.test(name)) throw new DomainError("INVALID_INPUT", "teamNameHasControlCharacters");
  const length = [...name].length;
  if (length > TEAM_NAME_MAX) throw new DomainError("INVALID_INPUT", "teamNameTooLong", { max: TEAM_NAME_MAX, length });
  return name;
}
