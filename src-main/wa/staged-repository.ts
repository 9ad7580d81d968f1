import { DEFAULT_CONNECTION_CONFIG, type SocketConfig } from '@whiskeysockets/baileys';
import type { StagedKeys } from './staged-keys.js';

/**
 * Baileys' own Signal repository, with every decryption run so that its key writes are staged
 * (staged-keys.ts) until the decrypted message is stored. Encryption is unchanged.
 */
export function stagedSignalRepository(staged: StagedKeys): SocketConfig['makeSignalRepository'] {
  return (auth, logger, pnToLid) => {
    const repository = DEFAULT_CONNECTION_CONFIG.makeSignalRepository(auth, logger, pnToLid);
    const decryptMessage = repository.decryptMessage.bind(repository);
    const decryptGroupMessage = repository.decryptGroupMessage.bind(repository);
    const processDistribution = repository.processSenderKeyDistributionMessage.bind(repository);
    return Object.assign(repository, {
      decryptMessage: (opts: Parameters<typeof decryptMessage>[0]) =>
        staged.duringDecryption(() => decryptMessage(opts)),
      decryptGroupMessage: (opts: Parameters<typeof decryptGroupMessage>[0]) =>
        staged.duringDecryption(() => decryptGroupMessage(opts)),
      processSenderKeyDistributionMessage: (opts: Parameters<typeof processDistribution>[0]) =>
        staged.duringDecryption(() => processDistribution(opts)),
    });
  };
}
