import { start } from './server.js';
import { Customer } from './customer.js';

const emu = await start();
const alice = await Customer.create(emu, { phone: '15550001', name: 'Alice' });
const bob = await Customer.create(emu, { phone: '15550002', name: 'Bob', pairing: 'code' });
const sent = await alice.sendText(bob.jid, 'hello bob');
await bob.waitForText('hello bob');
await new Promise((r) => setTimeout(r, 500));
for (const e of emu.messagesFor(alice.phone)) if (e.stanza.tag !== 'iq') console.log(e.direction, e.stanza.tag, JSON.stringify(e.stanza.attrs));
console.log('---bob');
for (const e of emu.messagesFor(bob.phone)) if (e.stanza.tag !== 'iq') console.log(e.direction, e.stanza.tag, JSON.stringify(e.stanza.attrs));
console.log(JSON.stringify(alice.updates));
await alice.close(); await bob.close(); await emu.close();
