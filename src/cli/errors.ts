/** An error the CLI reports as one line and exit status 2 (usage or I/O), never as a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
