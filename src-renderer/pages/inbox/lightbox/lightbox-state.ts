import { create } from 'zustand';
import type { Message } from '../../../../src-shared/messages';

/** The photo shown full size in the open conversation (null: the viewer is closed). */
export const useLightbox = create<{ shown: Message | null; show(message: Message | null): void }>((set) => ({
  shown: null,
  show: (message) => set({ shown: message }),
}));

/** Photos of a conversation the viewer pages through, oldest first. */
export function viewableMedia(messages: readonly Message[]): Message[] {
  return messages.filter((m) => m.type === 'image' && m.media && !m.revoked);
}
