import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../src-shared/contract/people';
import type { Transport } from '../transport/types';
import { followPersonLanguage } from './person-language';
import { languagePreferenceBackend, localLanguagePreference } from './preference';
import { useI18n } from './store';

function person(language: string | null): Me {
  return {
    user: { id: 'usr_1', name: 'Dana', language } as Me['user'],
    kind: 'user',
    via: 'cookie',
    role: 'agent',
    numbers: [],
    csrfToken: 'x',
  } as Me;
}

describe("following a signed-in person's language", () => {
  const initial = useI18n.getState();
  afterEach(() => useI18n.setState(initial, true));

  function fakes() {
    const call = vi.fn(async () => ({}));
    const choose = vi.fn(async () => undefined);
    useI18n.setState({ preference: null, choose });
    return { transport: { call } as unknown as Transport, call, choose };
  }

  it('shows the language saved in their profile and saves a new choice there', async () => {
    const { transport, call, choose } = fakes();
    await followPersonLanguage(person('he'), transport);
    expect(choose).toHaveBeenCalledWith('he');
    expect(call).not.toHaveBeenCalled();
    await languagePreferenceBackend().write('pt-BR');
    expect(call).toHaveBeenCalledWith('users.setLanguage', { language: 'pt-BR' });
  });

  it('keeps the local choice for keys and the desktop, and after signing out', async () => {
    const { transport, call, choose } = fakes();
    await followPersonLanguage(
      { ...person(null), user: null, kind: 'desktop', via: 'desktop' } as Me,
      transport,
    );
    expect(choose).not.toHaveBeenCalled();
    expect(languagePreferenceBackend()).toBe(localLanguagePreference);
    await followPersonLanguage(person('ar'), transport);
    await followPersonLanguage(null, transport);
    expect(languagePreferenceBackend()).toBe(localLanguagePreference);
    expect(call).not.toHaveBeenCalled();
  });

  it('leaves the browser as it is when the person never chose', async () => {
    const { transport, choose } = fakes();
    await followPersonLanguage(person(null), transport);
    expect(choose).not.toHaveBeenCalled();
  });
});
