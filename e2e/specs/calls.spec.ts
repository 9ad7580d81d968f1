import { Customer } from '../../testkit/wa-emulator/customer.js';
import { LoginPage } from '../pages/login-page.js';
import { SessionsPage } from '../pages/sessions-page.js';
import { Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession, rpc } from '../support/rpc.js';
import { useWaServer } from '../support/wa-server.js';

const wa = useWaServer();

test('a session card switches on automatic call rejection; the call log shows the rejected call', async ({
  page,
}) => {
  const app = await startApp({ env: wa.env });
  let caller: Customer | null = null;
  try {
    await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972507770000' });
    caller = await Customer.create(wa.emulator, { phone: '972507770001', name: 'Dana' });

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await new Shell(page).goTo('Sessions');
    const card = new SessionsPage(page).card('Shop');
    const toggle = card.getByRole('button', { name: 'Calls' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const calls = card.getByRole('region', { name: 'Calls to Shop' });
    await expect(calls.getByText('No calls yet.')).toBeVisible();

    const settings = calls.getByRole('form', { name: 'Call settings' });
    const reject = settings.getByRole('checkbox', { name: 'Reject calls automatically' });
    await expect(reject).not.toBeChecked();
    await expect(settings.getByLabel('Message to the caller')).toBeDisabled();
    await reject.check();
    await settings
      .getByLabel('Message to the caller')
      .fill('Sorry, we cannot take calls. Please write to us!');
    await settings.getByRole('button', { name: 'Save call settings' }).click();
    await expect(settings.getByRole('status')).toHaveText('Saved.');
    await expect(settings.getByRole('button', { name: 'Save call settings' })).toBeDisabled();
    // The UI and the REST API share the setting.
    expect(await rpc(app, 'calls.settings', { session: 'shop' })).toEqual({
      rejectCalls: true,
      rejectMessage: 'Sorry, we cannot take calls. Please write to us!',
    });

    // The customer calls: the call is rejected, they get the message, the log shows it live.
    const call = wa.emulator.placeCall(caller.phone, '972507770000');
    const log = calls.getByRole('table', { name: 'Call log' });
    const row = log.getByRole('row', { name: /\+972507770001/ });
    await expect(row).toContainText('Voice');
    await expect(row).toContainText('Rejected, replied “Sorry, we cannot take calls. Please write to us!”');
    await caller.waitForText('Sorry, we cannot take calls. Please write to us!');
    await expect.poll(() => caller?.calls.find((c) => c.id === call.callId)?.status).toBe('reject');

    // Switched off again, the next (video) call rings.
    await reject.uncheck();
    await settings.getByRole('button', { name: 'Save call settings' }).click();
    await expect(settings.getByRole('status')).toHaveText('Saved.');
    wa.emulator.placeCall(caller.phone, '972507770000', { video: true });
    await expect(log.getByRole('row')).toHaveCount(3);
    await expect(log.getByRole('row').nth(1)).toContainText('Video');
    await expect(log.getByRole('row').nth(1)).toContainText('Ringing');

    // The section reads the same after a reload.
    await page.reload();
    await card.getByRole('button', { name: 'Calls' }).click();
    await expect(settings.getByRole('checkbox', { name: 'Reject calls automatically' })).not.toBeChecked();
    await expect(settings.getByLabel('Message to the caller')).toHaveValue(
      'Sorry, we cannot take calls. Please write to us!',
    );
    await expect(log.getByRole('row')).toHaveCount(3);
  } finally {
    await caller?.close();
    await app.stop();
  }
});
