/**
 * Settings → Routing (issue #16): create rules, see them in plain words, get a refusal beside the
 * field, reorder them (kept after a reload), try them against a message; the page at 400px in
 * both themes (screenshots attached to the report).
 */
import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page.js';
import { RoutingPage } from '../pages/routing-page.js';
import { Shell } from '../pages/shell.js';
import { accessibilityProblems } from '../support/a11y-check.js';
import { expect, test } from '../support/fixtures.js';
import { rpc } from '../support/rpc.js';

async function shoot(page: Page, name: string): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
}

test('owners build routing rules: plain words, errors beside the field, reorder, test preview, 400px', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await rpc(app, 'sessions.create', { id: 'shop', name: 'Bakery front desk' });
  await rpc(app, 'teams.create', { name: 'Sales' });
  await rpc(app, 'tags.create', { name: 'VIP', color: '#aa2255' });
  const login = new LoginPage(page);
  await login.open(app.url);
  await login.signIn(app.apiKey);
  await expect(new Shell(page).pageHeading()).toHaveText('Inbox');

  await page.goto(`${app.url}/settings`);
  await page.getByRole('link', { name: 'Open routing' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Routing');
  const routing = new RoutingPage(page);
  await expect(page.getByText('No rules yet.', { exact: false })).toBeVisible();

  // A broken regular expression is refused beside its field.
  await page.getByRole('button', { name: 'Add a rule' }).click();
  const editor = routing.editor();
  await editor.getByLabel('Name', { exact: true }).fill('Prices');
  await routing.addCondition('Message text');
  await editor.getByLabel('How').selectOption({ label: 'matches the regular expression' });
  await editor.getByLabel('Words or pattern').fill('(price');
  await routing.addAction('Give to a team (its method picks the person)');
  await expect(editor.getByLabel('Team')).toHaveValue(/.+/);
  await routing.save();
  await expect(editor.getByLabel('Words or pattern')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('alert')).toContainText('not a valid regular expression');

  // Fixed: saved, and shown in plain words.
  await editor.getByLabel('How').selectOption({ label: 'contains' });
  await editor.getByLabel('Words or pattern').fill('price');
  await expect(editor.locator('p', { hasText: 'In plain words' })).toContainText(
    'When a new conversation starts, if the message contains “price”: give it to the team Sales.',
  );
  await routing.save();
  await expect(routing.rule('Prices')).toContainText(
    'When a new conversation starts, if the message contains “price”: give it to the team Sales.',
  );

  await page.getByRole('button', { name: 'Add a rule' }).click();
  await routing.editor().getByLabel('Name', { exact: true }).fill('Tag everyone');
  await routing.addAction('Add a tag');
  await routing.addAction('Stop (no further rules)');
  await routing.save();
  await expect(routing.rule('Tag everyone')).toContainText('add the tag VIP and stop');

  // Reorder with the keyboard-reachable buttons; the order is kept.
  await routing.rules().getByRole('button', { name: 'Move “Tag everyone” up' }).click();
  await expect(routing.rules().getByRole('listitem').first()).toContainText('Tag everyone');
  await page.reload();
  await expect(routing.rules().getByRole('listitem').first()).toContainText('Tag everyone');

  // The preview runs the draft: "Tag everyone" stops before "Prices".
  await routing.rule('Prices').getByRole('button', { name: 'Edit' }).click();
  const preview = routing.preview();
  await preview.getByLabel('Customer message').fill('What is the price of a cake?');
  await preview.getByRole('button', { name: 'Test' }).click();
  await expect(preview.getByRole('status')).toContainText('Rules that would run: Tag everyone');
  await expect(preview.getByRole('status')).toContainText('“Tag everyone” stops the list.');
  await shoot(page, 'routing-editor-1366-light');

  await page.setViewportSize({ width: 400, height: 800 });
  await expect(preview.getByRole('button', { name: 'Test' })).toBeVisible();
  // Nothing wider than the phone's screen.
  const pageWidth = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(pageWidth).toBeLessThanOrEqual(400);
  await shoot(page, 'routing-editor-400-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'routing-editor-400-dark');
  // Every control named, AA contrast, in the editor at 400px dark and on the whole page at 1366 light.
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.setViewportSize({ width: 1366, height: 768 });
  await shoot(page, 'routing-1366-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await accessibilityProblems(page)).toEqual([]);
});
