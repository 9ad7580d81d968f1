/**
 * A restart in the middle of a menu keeps the chat's place: the state is stored before each
 * answer is sent, and a new core on the same data dir reads it back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { messageText } from '../../../testkit/wa-emulator/customer.js';
import { nextEvent, sessionReaches } from '../../../testkit/support/events.js';
import { linkedWorld, type LinkedWorld } from '../../../testkit/support/linked-session.js';
import { startTestCore, type TestCore } from '../../../testkit/support/test-core.js';

let world: LinkedWorld;
let restarted: TestCore | null = null;

beforeAll(async () => {
  world = await linkedWorld({ shopPhone: '972506180000', customerPhone: '972506180001' });
}, 60_000);

afterAll(async () => {
  // The first core is already stopped; the second owns the data dir now.
  await world?.customer.close();
  await restarted?.stop();
  await world?.emulator.close();
});

it('a restart in the middle of a menu keeps the chat in the sub-menu', { timeout: 90_000 }, async () => {
  const { app, customer, emulator, shopJid } = world;
  const saved = await app.request('/api/v1/sessions/shop/automation', {
    method: 'PUT',
    json: {
      enabled: true,
      typingDelay: false,
      menu: {
        enabled: true,
        text: 'Pick one',
        options: [
          { key: '1', label: 'Hours', reply: '9–18' },
          { key: '2', label: 'Prices', options: [{ key: '1', label: 'Falafel', reply: 'Falafel: 5 €' }] },
        ],
      },
    },
  });
  expect(saved.status).toBe(200);
  const received = () => customer.received.map((m) => messageText(m));
  await customer.sendText(shopJid, 'Hi');
  await customer.waitForText('Pick one\n\n1 Hours\n2 Prices');
  await customer.sendText(shopJid, '2');
  await customer.waitForText('Prices\n\n1 Falafel\n0 Back');

  await app.core.stop();
  restarted = await startTestCore(
    { CHATDOCK_WA_SERVER_URL: emulator.wsUrl, CHATDOCK_WA_SERVER_ROOT_KEY: emulator.rootKeyHex },
    { dataDir: app.dataDir },
  );
  await sessionReaches(restarted.core.bus, 'shop', 'connected');

  const answered = nextEvent(restarted.core.bus, (e) => e.type === 'automation.replied');
  await customer.sendText(shopJid, '1');
  // "1" in the sub-menu is Falafel (at the top it would have been Hours).
  expect((await answered).data).toMatchObject({ rule: 'Menu: Falafel', text: 'Falafel: 5 €' });
  await customer.waitForText('Falafel: 5 €');
  expect(received()).not.toContain('9–18');
});
