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
      const message = error instanceof Error ? error.message : String(error);
      console.error(`error: ${message.split('\n')[0]}`);
      if (process.env.LOG_LEVEL === 'debug') console.error(error);
      process.exitCode = 1;
    }
  }
}
