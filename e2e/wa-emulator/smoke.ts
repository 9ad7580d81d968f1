import { start } from './server.js';
import { Customer, messageText } from './customer.js';

const emu = await start();
console.log(emu.info());
const t0 = Date.now();
const alice = await Customer.create(emu, { phone: '15550001', name: 'Alice' });
console.log('alice open', Date.now() - t0);
const bob = await Customer.create(emu, { phone: '15550002', name: 'Bob', pairing: 'code' });
console.log('bob open', Date.now() - t0);
await alice.sendText(bob.jid, 'hello bob');
const m = await bob.waitForText('hello bob');
console.log('bob got', messageText(m), m.key, m.pushName, Date.now() - t0);
await bob.sendText(alice.jid, 'hi alice');
const m2 = await alice.waitForText('hi alice');
console.log('alice got', m2.key, Date.now() - t0);
await alice.close(); await bob.close(); await emu.close();
console.log('done', Date.now() - t0);
