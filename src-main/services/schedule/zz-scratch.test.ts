import { it, expect } from 'vitest';
import { linkedWorld } from '../../test-support/linked-session.js';

it('experiment', async () => {
  const world = await linkedWorld({ shopPhone: '972509990000', customerPhone: '972509990001' });
  let t = Date.now();
  for (let i = 0; i < 5; i++) await world.newCustomer(`97250999010${i}`);
  console.log('5 customers ms', Date.now() - t);
  world.emulator.createAccount('972509990200', 'Ghost');
  t = Date.now();
  const r = await world.app.request('/api/v1/sessions/shop/messages', { method: 'POST', json: { to: '972509990200', type: 'text', text: 'hi ghost' } });
  console.log('ghost send', r.status, await r.text(), Date.now() - t);
  const log = world.emulator.messagesFor(world.shopPhone).filter((e) => e.direction === 'in' && e.stanza.tag === 'message');
  console.log(log.map((e) => JSON.stringify(e.stanza.attrs)));
  await world.close();
  expect(1).toBe(1);
}, 60000);
