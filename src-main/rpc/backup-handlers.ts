import type { Handlers } from '../../src-shared/contract.js';
import type { Services } from '../services/index.js';
import type { RpcContext } from './context.js';

type DataOps =
  | 'backups.status'
  | 'backups.configure'
  | 'backups.run'
  | 'backups.verify'
  | 'backups.restore'
  | 'exports.chat'
  | 'storage.report'
  | 'housekeeping.status'
  | 'housekeeping.configure'
  | 'housekeeping.run'
  | 'contactImport.preview'
  | 'contactImport.run'
  | 'contactData.export'
  | 'contactData.forget';

/** Backups, exporting a conversation (the other way data leaves the app) the storage report and housekeeping. */
export function backupHandlers({
  backups,
  conversationExport,
  storage,
  housekeeping,
  contactsImport,
  contactData,
  forgetContact,
  organize,
}: Services): Pick<Handlers<RpcContext>, DataOps> {
  return {
    'backups.status': () => backups.status(),
    'backups.configure': (input) => backups.configure(input),
    'backups.run': () => backups.run(),
    'backups.verify': (input) => backups.verify(input.file, input.passphrase),
    'backups.restore': (input) => backups.restore(input),
    'exports.chat': (input) => {
      const file = conversationExport.run(input);
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        base64: file.bytes.toString('base64'),
      };
    },
    'storage.report': () => storage.report(),
    'housekeeping.status': () => housekeeping.status(),
    'housekeeping.configure': (input) => housekeeping.configure(input),
    'housekeeping.run': () => housekeeping.run(),
    'contactImport.preview': (input) => contactsImport.preview(input.csv),
    'contactImport.run': (input) => contactsImport.run(input),
    'contactData.export': (input) => {
      const file = contactData.run(input.phone);
      return {
        fileName: file.fileName,
        contentType: file.contentType,
        base64: file.bytes.toString('base64'),
      };
    },
    'contactData.forget': (input, ctx) => forgetContact.run(input.phone, organize.actors.of(ctx.principal)),
  };
}
