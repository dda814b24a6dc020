import { redactedErrorMessage } from '@xgz/kit';

/**
 * What every command does with an error: one clear line on stderr, never a stack trace (the
 * details only with LOG_LEVEL=debug), and a non-zero exit code.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** Lines printed after the message (e.g. the first problems of a rejected import). */
    readonly details: string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      for (const line of error.details) console.error(line);
      process.exitCode = error.exitCode;
    } else {
      // Unexpected, so possibly carrying values from a file or the database: redacted like a log line.
      console.error(`error: ${redactedErrorMessage(error).split('\n')[0]}`);
      if (process.env.LOG_LEVEL === 'debug') console.error(error);
      process.exitCode = 1;
    }
  }
}
