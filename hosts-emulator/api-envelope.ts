import type { ServerResponse } from "node:http";

/** A refusal as the Admin API gives it: an HTTP status and the API's own message code and text. */
export interface ApiRefusal {
  httpStatus: number;
  code: string;
  text: string;
}

/** The refusals the emulator gives; codes follow FileMaker's error code list where one fits. */
export const refusals = {
  badCredentials: { httpStatus: 401, code: "212", text: "Invalid user account and/or password" },
  invalidToken: { httpStatus: 401, code: "952", text: "Invalid token" },
  databaseNotFound: { httpStatus: 404, code: "100", text: "Database is missing" },
  clientNotFound: { httpStatus: 404, code: "101", text: "Client is missing" },
  scheduleNotFound: { httpStatus: 404, code: "101", text: "Schedule is missing" },
  backupNotFound: { httpStatus: 404, code: "101", text: "Backup is missing" },
  fileExists: { httpStatus: 400, code: "1633", text: "A database with this name already exists" },
  unknownCall: { httpStatus: 404, code: "1630", text: "Unsupported API call" },
  serverStopped: { httpStatus: 400, code: "3", text: "The database server is stopped" },
  notOpen: { httpStatus: 400, code: "3", text: "The database is not open" },
  notPaused: { httpStatus: 400, code: "3", text: "The database is not paused" },
  wrongEncryptionKey: { httpStatus: 400, code: "960", text: "The encryption key is missing or wrong" },
  invalidParameter: { httpStatus: 400, code: "960", text: "Parameter is invalid" },
} as const satisfies Record<string, ApiRefusal>;

export class Refused extends Error {
  constructor(readonly refusal: ApiRefusal) {
    super(refusal.text);
  }
}

export function sendOk(res: ServerResponse, response: object = {}) {
  sendJson(res, 200, { response, messages: [{ code: "0", text: "OK" }] });
}

export function sendRefusal(res: ServerResponse, { httpStatus, code, text }: ApiRefusal) {
  sendJson(res, httpStatus, { response: {}, messages: [{ code, text }] });
}

function sendJson(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
