import { AppError } from '../../../src-shared/errors.js';
import { toJid } from '../../../src-shared/jid.js';

/**
 * The people a chosen Status audience names, as phone-number JIDs (duplicates dropped). A bad
 * entry or a group is refused naming it (`<field>.<n>`): checked when a Status is posted and
 * when one is scheduled, so a schedule never fails later for what could be told at once.
 */
export function statusAudienceJids(audience: readonly string[], field: string): string[] {
  const jids = audience.map((entry, index) => {
    const jid = toJid(entry, `${field}.${index}`);
    if (!jid.endsWith('@s.whatsapp.net'))
      throw new AppError(
        'VALIDATION_FAILED',
        `${field}.${index}: must be a person, not a group`,
        `${field}.${index}`,
      );
    return jid;
  });
  return [...new Set(jids)];
}
