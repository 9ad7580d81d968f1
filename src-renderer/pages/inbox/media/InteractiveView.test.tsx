import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { interactiveOf, type Interactive } from '../../../../src-shared/interactive';
import { english } from '../../../i18n/messages/en';
import { localMessagePreview } from '../../../i18n/message-preview';
import { createIntl } from 'react-intl';
import { InteractiveView } from './InteractiveView';
import { ViewOnceView } from './ViewOnceView';

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(
    <IntlProvider locale="en" messages={english}>
      {node}
    </IntlProvider>,
  );
}

const interactive = (value: Interactive) =>
  render(<InteractiveView message={{ content: null, interactive: value }} />);

describe('interactive messages in a bubble', () => {
  it('shows a buttons message: body, footer and the buttons as chips, not as buttons', () => {
    const html = interactive(
      interactiveOf('buttons', {
        body: 'Confirm your table?',
        footer: 'Café',
        buttons: [
          { id: 'y', title: 'Confirm', url: null, phone: null },
          { id: null, title: 'Menu', url: 'https://x.test/menu', phone: null },
        ],
      }),
    );
    expect(html).toContain('Buttons');
    expect(html).toContain('Confirm your table?');
    expect(html).toContain('Café');
    expect(html).toContain('<li class="interactive__chip" dir="auto">Confirm</li>');
    expect(html).toContain('title="https://x.test/menu"');
    expect(html).not.toContain('<button');
  });

  it("shows a list's button, section titles and rows with their descriptions", () => {
    const html = interactive(
      interactiveOf('list', {
        body: 'Which branch?',
        list: {
          button: 'Choose',
          sections: [{ title: 'North', rows: [{ id: 'h', title: 'Haifa', description: 'Port market' }] }],
        },
      }),
    );
    expect(html).toContain('☰ Choose');
    expect(html).toContain('North');
    expect(html).toContain('Haifa');
    expect(html).toContain('Port market');
  });

  it('shows a product with its price and an order with its items and total', () => {
    const product = interactive(
      interactiveOf('product', {
        product: {
          id: 'p',
          title: 'Sourdough',
          description: null,
          price: 32.5,
          currency: 'USD',
          retailerId: null,
        },
      }),
    );
    expect(product).toContain('Sourdough');
    expect(product).toContain('$32.50');
    const order = interactive(
      interactiveOf('order', {
        order: { id: 'o', title: null, itemCount: 3, total: 97, currency: 'USD', note: 'No nuts' },
      }),
    );
    expect(order).toContain('3 items · Total $97.00');
    expect(order).toContain('No nuts');
  });

  it('shows what a reply chose', () => {
    const html = interactive(
      interactiveOf('list_reply', { selected: { id: 'h', title: 'Haifa', description: null } }),
    );
    expect(html).toContain('List reply');
    expect(html).toContain('Chose “Haifa”');
  });
});

describe('view-once media', () => {
  it('says which kind it was and that only the phone shows it', () => {
    const html = render(<ViewOnceView message={{ content: { mediaKind: 'image' } }} />);
    expect(html).toContain('View once photo');
    expect(html).toContain('only on the phone');
    expect(render(<ViewOnceView message={{ content: { mediaKind: null } }} />)).toContain(
      'View once message',
    );
  });

  it('previews as a view-once marker in the chat list language', () => {
    const intl = createIntl({ locale: 'en', messages: english });
    const preview = localMessagePreview(
      { type: 'viewOnce', text: null, revoked: false, media: null, content: { mediaKind: 'video' } },
      intl,
    );
    expect(preview).toBe('👁 View once video');
  });
});
