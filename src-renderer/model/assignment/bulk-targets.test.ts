import { describe, expect, it } from 'vitest';
import { bulkTargets } from './bulk-targets';

describe('the chats a bulk assign or resolve acts on', () => {
  it('are the conversations ticked; channels are left out and counted', () => {
    const user = { session: 'shop', chat: '972500000001@s.whatsapp.net' };
    const group = { session: 'shop', chat: '120363000000000001@g.us' };
    const channel = { session: 'shop', chat: '120363000000000002@newsletter' };
    expect(bulkTargets([user, channel, group])).toEqual({ conversations: [user, group], channels: 1 });
    expect(bulkTargets([channel])).toEqual({ conversations: [], channels: 1 });
    expect(bulkTargets([])).toEqual({ conversations: [], channels: 0 });
  });
});
