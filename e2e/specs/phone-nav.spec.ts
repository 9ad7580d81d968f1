/**
 * The phone's bottom bar (issue #18 point 6: every screen usable on a phone): at 400 px every
 * entry is on screen, areas past the fourth are one tap away under "More", and the bar still says
 * which area is open.
 */
import { LoginPage } from '../pages/login-page.js';
import { AREAS, Shell } from '../pages/shell.js';
import { startApp } from '../support/app-server.js';
import { expect, test } from '../support/fixtures.js';

test('at 400 px the bottom bar fits, and More opens the other areas', async ({ page }) => {
  const app = await startApp();
  try {
    await page.setViewportSize({ width: 400, height: 800 });
    const login = new LoginPage(page);
    await login.open(app.url);
    await login.signIn(app.apiKey);
    const shell = new Shell(page);
    await expect(shell.pageHeading()).toHaveText('Inbox');

    // Every control in the bar lies inside the screen: nothing is cut off at the edge.
    const controls = shell.nav().locator('a:visible, button:visible');
    await expect(controls.first()).toBeVisible();
    const boxes = await controls.evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return { label: node.getAttribute('title') ?? node.textContent, left: box.left, right: box.right };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const box of boxes) {
      expect(box.left, `${box.label} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.right, `${box.label} ends on screen`).toBeLessThanOrEqual(400);
    }

    // The first four areas are in the bar; the rest are under More.
    await expect(shell.nav().getByRole('link', { name: 'Tags' })).toBeVisible();
    await expect(shell.nav().getByRole('link', { name: 'Settings' })).toBeHidden();
    const more = shell.nav().getByRole('button', { name: 'More' });
    await more.click();
    const menu = shell.nav().getByRole('menu', { name: 'More' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Automation', 'Widget', 'Logs', 'Settings']);
    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();

    await shell.goTo('Settings');
    await expect(shell.pageHeading()).toHaveText('Settings');
    await expect(menu).toBeHidden();
    // "More" shows as current while one of its areas is open.
    await expect(more).toHaveClass(/active/);

    // On a wide screen every area is in the sidebar and there is no More.
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const area of AREAS) await expect(shell.nav().getByRole('link', { name: area })).toBeVisible();
    await expect(more).toBeHidden();
  } finally {
    await app.stop();
  }
});
