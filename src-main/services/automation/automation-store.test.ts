import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { AutomationStore, DEFAULT_AUTOMATION } from './automation-store.js';

const db = openDatabase(':memory:');
const store = new AutomationStore(db);

afterEach(() => {
  db.$client.exec('DELETE FROM automation_settings');
});

describe('the menu\'s "Back" label (issue #21)', () => {
  it("is null by default: the word in the automation's language", () => {
    expect(DEFAULT_AUTOMATION.menu.backLabel).toBeNull();
  });

  it('reads the English default that older versions stored as null, and keeps a written label', () => {
    const legacy = {
      ...DEFAULT_AUTOMATION,
      language: 'es',
      menu: { ...DEFAULT_AUTOMATION.menu, backLabel: 'Back' },
    };
    db.$client
      .prepare('INSERT INTO automation_settings (session_id, settings, updated_at) VALUES (?, ?, ?)')
      .run('shop', JSON.stringify(legacy), 1);
    expect(store.settings('shop').settings.menu.backLabel).toBeNull();
    store.saveSettings('shop', { ...legacy, menu: { ...legacy.menu, backLabel: 'Regresar' } }, 2);
    expect(store.settings('shop').settings.menu.backLabel).toBe('Regresar');
  });
});
