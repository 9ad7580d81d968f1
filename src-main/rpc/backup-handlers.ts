import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type BackupOps = 'backups.status' | 'backups.configure' | 'backups.run' | 'backups.verify' | 'exports.chat';

/** Backups, and exporting a conversation (the other way data leaves the app). */
export function backupHandlers({
  backups,
  conversationExport,
}: Services): Pick<Handlers<RpcContext>, BackupOps> {
  return {
    'backups.status': () => backups.status(),
    'backups.configure': (input) => backups.configure(input),
    'backups.run': () => backups.run(),
    'backups.verify': (input) => backups.verify(input.file, input.passphrase),
    'exports.chat': (input) => {
      const file = conversationExport.run(input);
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        base64: file.bytes.toString('base64'),
      };
    },
  };
}
