// Errors that reach the user. Everything else is a bug and is reported as one.

export type ErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'invalid-yaml'
  | 'not-a-cassette'
  | 'no-cassettes'
  | 'usage';

export interface SourcePosition {
  line: number;
  col: number;
}

/** A problem with the user's input: printed as one line `file:line:col: message`, exit 2. */
export class CassetteError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
    readonly pos?: SourcePosition,
  ) {
    super(message);
    this.name = 'CassetteError';
  }

  /** `file:line:col: message`, with the parts that are known. */
  format(): string {
    const where = [this.file, this.pos?.line, this.pos?.col].filter((p) => p !== undefined).join(':');
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** Thrown by a command to end with a given exit code after it printed what it had to say. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitCode';
  }
}
