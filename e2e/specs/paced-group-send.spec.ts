/**
 * Issue #26 point 5: an API send to a group waits a human pause. The open group chat shows the
 * waiting message with "sending in N s", then the sent message in its place; the customer in the
 * group (real Baileys on the local WhatsApp server) gets it once. The number's switch lives under
 * Sessions → the number → For developers.
 */
import { Customer, messageText } from '../../testkit/wa-emulator/customer.js';
import { signInToInbox } from '../pages/sign-in.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, restCall } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('a paced group send shows "sending in N s", then goes out once', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // A pause long enough for the countdown to be on screen while the screenshots are taken.
  const app = await startApp({ env: { ...wa.env, CHATDOCK_GROUP_PACE_MS: '15000' } });
  const dana = await Customer.create(wa.emulator, { phone: '447700900631', name: 'Dana' });
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000631' });
    const group = await restCall(app, 'POST', '/sessions/shop/groups', {
      subject: 'Weekend orders',
      participants: [dana.phone],
    });
    const groupJid = String(group.body.jid);
    await dana.sendText(groupJid, 'Open on Saturday?');

    const inbox = await signInToInbox(page, app);
    await inbox.chat('Weekend orders').click();
    await expect(inbox.bubble('Open on Saturday?')).toBeVisible({ timeout: 30_000 });

    const accepted = await restCall(app, 'POST', '/sessions/shop/messages', {
      to: groupJid,
      type: 'text',
      text: 'Yes, 9 to 1',
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'pending' });
    const waiting = inbox.bubbleById(String(accepted.body.id));
    await expect(waiting).toContainText('Yes, 9 to 1');
    await expect(waiting).toContainText(/sending in \d+ s/);
    await shootLaptopAndPhone(page, testInfo, 'paced-group-send-waiting');

    // When it goes out, the same bubble loses the countdown; Dana has it once.
    await expect(waiting).not.toContainText('sending', { timeout: 90_000 });
    await dana.waitFor(() => dana.received.find((m) => m.key.id === accepted.body.id), 60_000, 'the message');
    expect(dana.received.filter((m) => messageText(m) === 'Yes, 9 to 1')).toHaveLength(1);

    // The switch: on by default; turned off here, the API says so.
    await new Shell(page).goTo('Sessions');
    const card = new SessionsPage(page).card('Shop');
    await card.getByText('For developers').click();
    const pacing = card.getByRole('checkbox', { name: /Human-paced group sends/ });
    await expect(pacing).toBeChecked();
    // A fixed pause reads as one figure, not "15–15 seconds".
    await expect(card.getByText(/Each send waits 15 seconds/)).toBeVisible();
    await pacing.uncheck();
    await expect(pacing).not.toBeChecked();
    await expect
      .poll(async () => (await restCall(app, 'GET', '/sessions/shop/pacing')).body.groupSends)
      .toBe(false);
    await shootLaptopAndPhone(page, testInfo, 'paced-group-send-switch');
  } finally {
    await dana.close();
    await app.stop();
  }
});
