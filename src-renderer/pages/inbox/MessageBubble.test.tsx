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

/**
 * The components (not elements) the code under test creates while rendering, by name: each is a
 * fiber of React's and a function call more for each row mounted. The JSX of this repo's modules
 * goes through one of these runtimes (the automatic one; its dev form in tests).
 */
const { components, countComponents } = vi.hoisted(() => {
  const components: string[] = [];
  const countComponents = (runtime: Record<string, unknown>) => {
    const counted = { ...runtime };
    for (const name of ['jsx', 'jsxs', 'jsxDEV']) {
      const create = runtime[name];
      if (typeof create !== 'function') continue;
      counted[name] = (type: unknown, ...rest: unknown[]) => {
        if (typeof type === 'function' || (typeof type === 'object' && type !== null)) {
          const named = type as { displayName?: string; name?: string; type?: { name?: string } };
          components.push(named.displayName ?? named.name ?? named.type?.name ?? '?');
        }
        return create(type, ...rest) as unknown;
      };
    }
    return counted;
  };
  return { components, countComponents };
});
vi.mock('react/jsx-runtime', async (original) => countComponents(await original()));
vi.mock('react/jsx-dev-runtime', async (original) => countComponents(await original()));

const render = (message: Message, automationRule?: string) => {
  const bubble = (
    <IntlProvider locale="en" messages={english} timeZone="UTC">
      <MessageBubble
        message={message}
        showSender={false}
        highlighted={false}
        query={null}
        authorOf={() => 'Dana'}
        automationRule={automationRule}
      />
    </IntlProvider>
  );
  components.length = 0;
  return renderToStaticMarkup(bubble);
};

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

  it('mounts no component of its own for a text alone: its parts are mounted when it has them', () => {
    render(testMessage('See you at five', '2025-12-31T10:00:00.000Z'));
    expect(components).toEqual([]);
    // Ours: who sent it and the ticks. On `main` a text bubble mounted MessageContent, MediaView,
    // Highlighted, EmojiText, Reactions, SentBy, Ticks and MessageActions whether it used them or not.
    render(testMessage('On my way', '2025-12-31T10:01:00.000Z', { fromMe: true, status: 'read' }));
    expect(components).toEqual(['SentBy', 'TickMark']);
    // With an emoji, the text's paragraph holds its glyph (an element), still without a component
    // around the text.
    render(testMessage('See you 🎉', '2025-12-31T10:00:00.000Z'));
    expect(components).toEqual(['EmojiGlyph']);
  });

  it('still shows what a richer message has: reactions, a caption, the automation rule', () => {
    const withReactions = testMessage('Nice', '2025-12-31T10:00:00.000Z', {
      reactions: [{ emoji: '👍', sender: 'a@s.whatsapp.net', timestamp: '2025-12-31T10:00:05.000Z' }],
    });
    expect(render(withReactions)).toContain('class="reactions"');
    const ours = testMessage('Thanks for writing', '2025-12-31T10:01:00.000Z', {
      fromMe: true,
      status: 'read',
    });
    expect(render(ours, 'Welcome')).toContain('Welcome');
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
