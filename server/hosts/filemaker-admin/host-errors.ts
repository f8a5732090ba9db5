/** Why a call to a host failed; each says what a manager can do about it. */
export class HostDriverError extends Error {}

/** The longest refusal text kept: a server's words reach pages and the audit log, not its whole answer. */
const MAX_API_TEXT = 500;

/** The host answered with a refusal: the API's own message code and text, and the HTTP status. */
export class HostApiError extends HostDriverError {
  readonly apiText: string;

  constructor(
    readonly httpStatus: number,
    readonly apiCode: string,
    apiText: string,
  ) {
    const text = apiText.slice(0, MAX_API_TEXT);
    super(`The host refused (HTTP ${httpStatus}, code ${apiCode}): ${text}`);
    this.apiText = text;
  }
}

/** No answer: refused connection, unknown name, reset, or no reply within the timeout. */
export class HostUnreachable extends HostDriverError {
  constructor(readonly reason: string) {
    super(`The host could not be reached: ${reason}`);
  }
}

/** The host's certificate could not be verified (self-signed, expired, another name, unknown CA). */
export class HostTlsError extends HostDriverError {
  constructor(readonly reason: string) {
    super(`The host's certificate could not be verified: ${reason}`);
  }
}

/** The admin account name or password was refused. */
export class HostAuthFailed extends HostApiError {}

/** Something answered, but not as the FileMaker Admin API does (a web page, another API). */
export class NotAnAdminApi extends HostDriverError {
  constructor(readonly detail: string) {
    super(`The address does not answer as a FileMaker Admin API: ${detail}`);
  }
}

/** The console may not reach this address: not https, or it leads into a private network. */
export class HostAddressRefused extends HostDriverError {
  constructor(readonly reason: string) {
    super(`The host could not be reached: ${reason}`);
  }
}
