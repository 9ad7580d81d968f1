import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/messages/en';
import { DataTable, type Column } from './DataTable';

interface Key {
  id: string;
  name: string;
}

const columns: Column<Key>[] = [
  { id: 'name', header: 'Name', cell: (key) => key.name },
  { id: 'actions', header: 'Actions', hideHeader: true, cell: (key) => <button>Revoke {key.name}</button> },
];

function render(props: Partial<Parameters<typeof DataTable<Key>>[0]>): string {
  return renderToStaticMarkup(
    <IntlProvider locale="en" messages={english}>
      <DataTable<Key>
        label="API keys"
        columns={columns}
        rows={null}
        rowKey={(key) => key.id}
        empty={<p>No keys yet</p>}
        {...props}
      />
    </IntlProvider>,
  );
}

const crm = { id: 'k1', name: 'CRM sync' };

describe('DataTable', () => {
  it('says it is loading until the rows come, and shows the error instead when the load failed', () => {
    expect(render({})).toContain('role="status">Loading…');
    expect(render({ error: 'The server did not answer' })).toContain(
      'role="alert">The server did not answer',
    );
    expect(render({})).not.toContain('<table');
  });

  it('explains an empty list instead of drawing an empty table', () => {
    const html = render({ rows: [] });
    expect(html).toContain('<p>No keys yet</p>');
    expect(html).not.toContain('<table');
    // A sentence alone is shown as one muted line.
    expect(render({ rows: [], empty: 'No calls yet.' })).toBe('<p class="muted">No calls yet.</p>');
  });

  it('draws one row per record, each cell labelled with its column for the stacked layout', () => {
    const html = render({ rows: [crm], rowAttributes: (key) => ({ 'aria-label': `API key ${key.name}` }) });
    expect(html).toContain('<table class="data-table data-table--stacks" aria-label="API keys">');
    expect(html).toContain('<tr aria-label="API key CRM sync"><td data-label="Name">CRM sync</td>');
    // The actions column's header is for screen readers only, and its cell has no label to show.
    expect(html).toContain('<span class="visually-hidden">Actions</span>');
    expect(html).toContain('<td><button>Revoke CRM sync</button></td>');
  });

  it('keeps the rows shown when a later refresh fails, with the error above them', () => {
    const html = render({ rows: [crm], error: 'Connection lost' });
    expect(html.indexOf('Connection lost')).toBeLessThan(html.indexOf('<table'));
    expect(html).toContain('CRM sync');
  });

  it('shows an opened row’s details in a full-width row under it', () => {
    const html = render({
      rows: [crm, { id: 'k2', name: 'Backup' }],
      detail: (key) => key.id === 'k2' && 'Attempts…',
    });
    expect(html).toContain('<tr class="data-table__detail"><td colSpan="2">Attempts…</td></tr>');
    expect(html.match(/data-table__detail/g)).toHaveLength(1);
  });
});
