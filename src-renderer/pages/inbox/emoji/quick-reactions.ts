/** The reactions a message's menu offers in one tap, as WhatsApp does. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];
