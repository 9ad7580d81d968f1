import type { SavedReplyMedia } from '../../../src-shared/contract/organize';
import type { MessageId } from '../../i18n/messages/en';

/** A saved reply's media kind, as people read it. */
export const MEDIA_TYPE_TEXT: Record<SavedReplyMedia['type'], MessageId> = {
  image: 'tags.media.image',
  video: 'tags.media.video',
  document: 'tags.media.document',
  audio: 'tags.media.audio',
};
