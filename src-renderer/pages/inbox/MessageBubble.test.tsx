import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../src-shared/messages';
import { english } from '../../i18n/messages/en';
import { testMessage } from '../../test-support/fixtures';
import { MessageBubble } from './MessageBubble';

// The connection store wires itself to the browser's storage as it loads; a bubble only passes its
// transport on to the menu's actions.
vi.mock('../../stores/connection', () => ({ useTransport: () => null }));

const render = (message: Message) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={english} timeZone="UTC">
      <MessageBubble
        message={message}
        showSender={false}
        highlighted={false}
        query={null}
        authorOf={() => 'Dana'}
      />
    </IntlProvider>,
  );

const elements = (markup: string) => markup.match(/<[a-z]/g)?.length ?? 0;

describe('a message bubble, the row a long chat repeats thousands of times (issue #23 target 7)', () => {
  it('carries its ⌄ button but not its menu until the button is pressed', () => {
    const markup = render(testMessage('See you at five', '2025-12-31T10:00:00.000Z'));
    expect(markup).toContain('aria-label="Message actions"');
    expect(markup).toContain('aria-expanded="false"');
    expect(markup).not.toContain('role="menu"');
    expect(markup).not.toContain('Reply');
  });

  it('is a handful of elements: the bubble, its text, the time and, for ours, the ticks', () => {
    // article, p (text), div (meta), time, button: the caret is drawn by CSS, the button needs no
    // wrapper. Every element more is laid out and styled for every row on screen.
    expect(elements(render(testMessage('See you at five', '2025-12-31T10:00:00.000Z')))).toBe(5);
    // Ours adds who sent it (a span: "Phone") and the ticks (a span drawn by CSS): a <bdi> in the
    // first and an SVG with its path in the second were three elements more.
    const ours = testMessage('On my way', '2025-12-31T10:01:00.000Z', { fromMe: true, status: 'read' });
    const markup = render(ours);
    expect(elements(markup)).toBe(7);
    expect(markup).toContain('aria-label="Read"');
    expect(markup).toContain('>Phone</span>');
  });

  it('formats its full date only when the time is hovered, not for every bubble rendered', () => {
    const markup = render(testMessage('See you at five', '2025-12-31T10:00:00.000Z'));
    expect(markup).toContain('<time dateTime="2025-12-31T10:00:00.000Z">10:00 AM</time>');
    expect(markup).not.toContain('Dec 31, 2025');
  });

  it('has no ⌄ button once deleted: nothing to reply to, copy or forward', () => {
    const markup = render(testMessage('gone', '2025-12-31T10:00:00.000Z', { revoked: true, text: null }));
    expect(markup).not.toContain('Message actions');
  });
});
