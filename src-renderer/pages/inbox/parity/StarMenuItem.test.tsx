import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../../src-shared/contract/people';
import { english } from '../../../i18n/messages/en';
import { testMessage } from '../../../test-support/fixtures';
import { StarMenuItem } from './StarMenuItem';

// No server here: the item only needs a transport to exist (it is not clicked).
vi.mock('../../../stores/connection', () => ({ useTransport: () => ({}) }));
// Who is signed in (a server render reads a store's initial state, so the hook is replaced).
const me = vi.hoisted(() => ({ principal: null as unknown }));
vi.mock('../../../stores/me', () => ({
  useMe: (select: (state: { principal: unknown }) => unknown) => select(me),
}));
vi.mock('../../../stores/conversation', () => ({ useConversation: { getState: () => ({}) } }));

const agent = (write: boolean): Me => ({
  user: null,
  kind: 'user',
  via: 'cookie',
  role: 'agent',
  numbers: [{ session: 'shop', read: 'all', write, canUseTags: true, canManageSavedReplies: false }],
  csrfToken: null,
});

const render = () =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={english}>
      <StarMenuItem
        message={testMessage('m1', '2026-12-01T10:00:00Z', { session: 'shop' })}
        onDone={() => {}}
      />
    </IntlProvider>,
  );

afterEach(() => {
  me.principal = null;
});

describe('Star in the message menu', () => {
  it('is offered to who may write on the number', () => {
    me.principal = agent(true);
    expect(render()).toContain('Star');
  });

  it('is hidden from a read-only agent (the server would refuse it)', () => {
    me.principal = agent(false);
    expect(render()).toBe('');
  });
});
