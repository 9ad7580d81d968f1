import { AppError } from '../../../src-shared/errors.js';

/** Why a backup file could not be read; the UI and the CLI word their message from it. */
type BackupProblem = 'not_a_backup' | 'unsupported_version' | 'wrong_passphrase' | 'damaged' | 'incomplete';

/**
 * A backup file that cannot be used. A 4xx (VALIDATION_FAILED) naming the field to fix: the
 * passphrase when it is wrong, the file otherwise.
 */
export class BackupFileError extends AppError {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super('VALIDATION_FAILED', message, problem === 'wrong_passphrase' ? 'passphrase' : 'file');
    this.name = 'BackupFileError';
  }
}
