/**
 * Issue #18 point 11: a voice note from a real Baileys customer shows WhatsApp's player: its
 * length before playing, play/pause, a waveform slider, the speed (remembered), and the next
 * voice note plays after it.
 */
import { Customer } from '../../testkit/wa-emulator/customer.js';
import { InboxPage } from '../pages/inbox-page.js';
import { LoginPage } from '../pages/login-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';
import { linkSession } from '../support/rpc.js';
import { shootLaptopAndPhone } from '../support/screens.js';
import { useWaServer } from '../support/wa-server.js';
import { toneWav, waveformBytes } from '../support/wav.js';

const wa = useWaServer();

type SendContent = Parameters<Customer['send']>[1];

/** A voice note as a phone sends it: `waveform` is WhatsApp's field, missing from Baileys' type. */
const voiceNote = (seconds: number, waveform?: Uint8Array) =>
  ({
    audio: toneWav(seconds),
    mimetype: 'audio/wav',
    ptt: true,
    seconds,
    ...(waveform ? { waveform } : {}),
  }) as SendContent;

test('a voice note shows its length before playing, plays and pauses, and the next one follows', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const app = await startApp({ env: wa.env });
  const dana = await Customer.create(wa.emulator, { phone: '447700900611', name: 'Dana' });
  try {
    const shopJid = await linkSession(app, wa.emulator, { id: 'shop', name: 'Shop', phone: '972520000611' });
    await dana.sendText(shopJid, 'Two voice notes coming');
    await dana.send(shopJid, voiceNote(2, waveformBytes()));
    await dana.send(shopJid, voiceNote(7));

    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    await expect(new Shell(page).pageHeading()).toHaveText('Inbox');
    const inbox = new InboxPage(page);
    await inbox.chat('Dana').click();

    const notes = page.getByRole('group', { name: 'Voice message' });
    await expect(notes).toHaveCount(2, { timeout: 60_000 });
    const [first, second] = [notes.nth(0), notes.nth(1)];
    // The length comes from the message, before any audio is fetched or played.
    await expect(first).toContainText('0:02');
    await expect(second).toContainText('0:07');
    await expect(first.getByRole('slider', { name: 'Position' })).toHaveAttribute(
      'aria-valuetext',
      '0:00 of 0:02',
    );
    // The first note carries WhatsApp's waveform (bars); the second has none (a plain bar).
    await expect(first.locator('.voice-track__bar')).toHaveCount(40);
    await expect(second.locator('.voice-track__line')).toHaveCount(1);

    const firstPlay = first.getByRole('button', { name: 'Play voice message' });
    await expect(firstPlay).toBeEnabled({ timeout: 30_000 });
    await shootLaptopAndPhone(page, testInfo, 'voice-note');
    expect(await accessibilityProblems(page)).toEqual([]);

    await firstPlay.click();
    // It ends by itself and the next voice note starts: WhatsApp plays a run of notes in turn.
    const secondPause = second.getByRole('button', { name: 'Pause voice message' });
    await expect(secondPause).toBeVisible({ timeout: 30_000 });
    await expect(first.getByRole('button', { name: 'Play voice message' })).toBeVisible();
    await secondPause.click();
    await expect(second.getByRole('button', { name: 'Play voice message' })).toBeVisible();
    // Paused mid-way, the clock shows the position, not the length.
    await expect(second.getByRole('slider', { name: 'Position' })).toHaveAttribute(
      'aria-valuetext',
      /^0:0[0-6] of 0:07$/,
    );

    // The keyboard seeks: End goes to the end of the note.
    const slider = second.getByRole('slider', { name: 'Position' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', '0:00 of 0:07');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '0:05 of 0:07');

    // The speed cycles 1× → 1.5× and is remembered after a reload.
    await second.getByRole('button', { name: /Playback speed 1×/ }).click();
    await expect(second.getByRole('button', { name: /Playback speed 1\.5×/ })).toBeVisible();
    await page.reload();
    await expect(
      page
        .getByRole('group', { name: 'Voice message' })
        .first()
        .getByRole('button', { name: /Playback speed 1\.5×/ }),
    ).toBeVisible({ timeout: 30_000 });
  } finally {
    await dana.close();
    await app.stop();
  }
});
