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
  // By name, not by prototype: each lazily loaded bundle of the CLI has its own copy of this class.
  static override [Symbol.hasInstance](value: unknown): value is CassetteError {
    return isCassetteError(value);
  }

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

/** True for a CassetteError from any copy of this module (see CassetteError's `instanceof`). */
export function isCassetteError(value: unknown): value is CassetteError {
  return value instanceof Error && value.name === 'CassetteError' && typeof (value as CassetteError).code === 'string';
}
