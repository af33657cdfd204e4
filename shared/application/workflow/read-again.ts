import { ConflictError } from '../../domain/errors.ts';

/** How many times a job's step reads a record again when a person acted on it at the same moment. */
export const READ_AGAIN_ATTEMPTS = 3;

/**
 * Runs `step` — read a record, decide, write on the version read — again when its write fails on
 * that version (ConflictError: someone wrote in between), at most `attempts` times in all. No wait
 * between tries: the next one reads the newer version, there is nothing to wait for. Any other
 * error, and the last conflict, is thrown.
 */
export const readAgainOnConflict = async <T>(
  step: () => Promise<T>,
  attempts = READ_AGAIN_ATTEMPTS,
): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
};
