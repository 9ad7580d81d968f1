import type { PrivacySettings } from '../../../../src-shared/contract/privacy';
import type { MessageId } from '../../../i18n/messages/en';

type Key = keyof PrivacySettings;

/** Each setting's label, hint and choices, in WhatsApp's order (Settings → Privacy on the phone). */
export const PRIVACY_FIELDS: { key: Key; label: MessageId; hint: MessageId; values: readonly string[] }[] = [
  {
    key: 'lastSeen',
    label: 'inbox-parity.privacy.lastSeen',
    hint: 'inbox-parity.privacy.lastSeenHint',
    values: ['all', 'contacts', 'contact_blacklist', 'none'],
  },
  {
    key: 'online',
    label: 'inbox-parity.privacy.online',
    hint: 'inbox-parity.privacy.onlineHint',
    values: ['all', 'match_last_seen'],
  },
  {
    key: 'profilePhoto',
    label: 'inbox-parity.privacy.profilePhoto',
    hint: 'inbox-parity.privacy.profilePhotoHint',
    values: ['all', 'contacts', 'contact_blacklist', 'none'],
  },
  {
    key: 'about',
    label: 'inbox-parity.privacy.about',
    hint: 'inbox-parity.privacy.aboutHint',
    values: ['all', 'contacts', 'contact_blacklist', 'none'],
  },
  {
    key: 'groupsAdd',
    label: 'inbox-parity.privacy.groupsAdd',
    hint: 'inbox-parity.privacy.groupsAddHint',
    values: ['all', 'contacts', 'contact_blacklist'],
  },
  {
    key: 'readReceipts',
    label: 'inbox-parity.privacy.readReceipts',
    hint: 'inbox-parity.privacy.readReceiptsHint',
    values: ['all', 'none'],
  },
];

/** The words for a choice; the same value reads differently per setting (read receipts: on / off). */
export function choiceLabel(key: Key, value: string): MessageId {
  if (key === 'readReceipts') return value === 'all' ? 'inbox-parity.privacy.on' : 'inbox-parity.privacy.off';
  switch (value) {
    case 'contacts':
      return 'inbox-parity.privacy.contacts';
    case 'contact_blacklist':
      return 'inbox-parity.privacy.contactsExcept';
    case 'none':
      return 'inbox-parity.privacy.nobody';
    case 'match_last_seen':
      return 'inbox-parity.privacy.sameAsLastSeen';
    default:
      return 'inbox-parity.privacy.everyone';
  }
}
