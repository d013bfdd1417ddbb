/**
 * The base class of every error the data layer throws on bad input (an invalid expression, a malformed
 * CSV file, impossible generator options). Its message is a sentence meant for the person who supplied
 * the input, so callers (the CLI, the UI) show it as is, without a stack trace.
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
