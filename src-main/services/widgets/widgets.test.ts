import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { WidgetScript } from './widget-script.js';
import { WidgetService } from './widgets.js';

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function service(scriptFile = path.join(os.tmpdir(), 'chatdock-no-such-widget.js')) {
  const db = openDatabase(':memory:');
  return { db, widgets: new WidgetService(db, new WidgetScript(scriptFile)) };
}

function rowCount(db: ReturnType<typeof openDatabase>): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM widgets').get() as { n: number }).n;
}

const anna = {
  number: '+49 170 1234567',
  name: 'Anna',
  role: 'Sales',
  prefill: 'Hallo!',
  hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '17:00:00' }] },
};

describe('WidgetService', () => {
  it('creates a widget with defaults and a w_ id, and lists and gets it', () => {
    const { widgets } = service();
    const created = widgets.create({ businessName: 'Sonne', timeZone: 'Europe/Berlin', operators: [anna] });
    expect(created.id).toMatch(/^w_[0-9a-f]{16}$/);
    expect(created).toMatchObject({ color: '#25d366', position: 'right', active: true });
    expect(created.operators[0]?.number).toBe('491701234567');
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(widgets.get(created.id)).toEqual(created);
    expect(widgets.list()).toEqual({ items: [created], next: null });
  });

  it('writes nothing when the input is invalid', () => {
    const { db, widgets } = service();
    expect(() => widgets.create({ businessName: 'Sonne', timeZone: 'Europe/Berlin', color: 'red' })).toThrow(
      'color: must be #rrggbb',
    );
    expect(rowCount(db)).toBe(0);
    const created = widgets.create({ businessName: 'Sonne', timeZone: 'UTC' });
    expect(() => widgets.replace(created.id, { businessName: 'x', timeZone: 'Nowhere/Else' })).toThrow(
      /^timeZone:/,
    );
    expect(widgets.get(created.id)).toEqual(created);
  });

  it('replaces the whole document (omitted fields go back to their defaults)', () => {
    const { widgets } = service();
    const created = widgets.create({ businessName: 'Sonne', timeZone: 'UTC', color: '#112233' });
    const replaced = widgets.replace(created.id, { businessName: 'Mond', timeZone: 'Asia/Tokyo' });
    expect(replaced).toMatchObject({ id: created.id, businessName: 'Mond', color: '#25d366' });
    expect(replaced.createdAt).toBe(created.createdAt);
  });

  it('names the missing id for get, replace and delete', () => {
    const { widgets } = service();
    const valid = { businessName: 'Sonne', timeZone: 'UTC' };
    expect(() => widgets.get('w_missing')).toThrow(/"w_missing"/);
    expect(() => widgets.replace('w_missing', valid)).toThrow(/"w_missing"/);
    expect(() => widgets.delete('w_missing')).toThrow(/"w_missing"/);
  });

  it('deletes', () => {
    const { db, widgets } = service();
    const created = widgets.create({ businessName: 'Sonne', timeZone: 'UTC' });
    widgets.delete(created.id);
    expect(rowCount(db)).toBe(0);
  });

  it('serves the public view only for active widgets, without inactive operators', () => {
    const { widgets } = service();
    const created = widgets.create({
      businessName: 'Sonne',
      timeZone: 'UTC',
      operators: [anna, { number: '+49 170 7654321', name: 'Off', active: false }],
    });
    const view = widgets.publicWidget(created.id);
    expect(view.operators.map((operator) => operator.name)).toEqual(['Anna']);
    expect(view).not.toHaveProperty('active');
    expect(view).not.toHaveProperty('createdAt');
    widgets.replace(created.id, { businessName: 'Sonne', timeZone: 'UTC', active: false });
    expect(() => widgets.publicWidget(created.id)).toThrow(/does not exist/);
    expect(() => widgets.publicWidget('w_missing')).toThrow(/does not exist/);
  });

  it('builds both snippets from the built script, and says when it is not built', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chatdock-widget-script-'));
    tempDirs.push(dir);
    const file = path.join(dir, 'widget.js');
    writeFileSync(file, 'console.log("widget v1")');
    const { db, widgets } = service(file);
    const { id } = widgets.create({ businessName: 'Sonne', timeZone: 'UTC' });
    const snippets = widgets.snippets(id, 'http://192.168.1.5:8787/widget.js');
    expect(snippets.hosted).toBe(
      `<script defer data-widget="${id}" src="http://192.168.1.5:8787/widget.js"></script>`,
    );
    expect(snippets.selfContained).toContain('"businessName":"Sonne"');
    expect(snippets.selfContained).toContain('widget v1');
    // A rebuild while the app runs is picked up.
    writeFileSync(file, 'console.log("widget v2, longer")');
    expect(widgets.snippets(id, 'http://x/widget.js').selfContained).toContain('widget v2');
    // A configured public URL (reverse proxy, tunnel) wins over the address the caller used.
    const proxied = new WidgetService(db, new WidgetScript(file), 'https://chat.example.com');
    expect(proxied.snippets(id, 'http://127.0.0.1:8787/widget.js').hosted).toContain(
      'src="https://chat.example.com/widget.js"',
    );

    const { widgets: unbuilt } = service();
    const other = unbuilt.create({ businessName: 'Sonne', timeZone: 'UTC' });
    expect(() => unbuilt.snippets(other.id, 'http://x/widget.js')).toThrow(/npm run build/);
  });
});
