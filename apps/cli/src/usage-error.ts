/** Errors in how the command was typed (exit code 2), as opposed to failures while running it (1). */
import { FoveaError, type FieldIssue } from "@fovea/model";

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A bad argument or option. Carries VALIDATION_FAILED so that `--json` can print an envelope. */
export class UsageError extends FoveaError {
  readonly exitCode = EXIT_USAGE;

  constructor(message: string, details?: FieldIssue[]) {
    super("VALIDATION_FAILED", message, details === undefined ? {} : { details });
  }
}

export function isUsageError(err: unknown): err is UsageError {
  return err instanceof UsageError;
}
