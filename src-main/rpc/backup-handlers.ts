import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type BackupOps = 'backups.status' | 'backups.configure' | 'backups.run' | 'backups.verify';

export function backupHandlers({ backups }: Services): Pick<Handlers<RpcContext>, BackupOps> {
  return {
    'backups.status': () => backups.status(),
    'backups.configure': (input) => backups.configure(input),
    'backups.run': () => backups.run(),
    'backups.verify': (input) => backups.verify(input.file, input.passphrase),
  };
}
