import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { DesktopPerson } from '../../../src-shared/contract/desktop';
import { english } from '../../i18n/messages/en';
import { switchRefusal } from '../../model/desktop/switch-error';
import { isLockShortcut } from '../../model/desktop/lock-shortcut';
import { SwitcherView, type SwitcherViewProps } from './SwitcherView';

const walt: DesktopPerson = { id: 'u1', name: 'Walt', role: 'agent', hasPin: true };
const olive: DesktopPerson = { id: 'u2', name: 'Olive', role: 'owner', hasPin: false };
const none = () => undefined;

function render(props: Partial<SwitcherViewProps>): string {
  return renderToStaticMarkup(
    <IntlProvider locale="en" messages={english}>
      <SwitcherView
        people={[walt, olive]}
        loadError={null}
        chosen={null}
        secret=""
        refusal={null}
        busy={false}
        onChoose={none}
        onSecret={none}
        onSubmit={none}
        onRetry={none}
        {...props}
      />
    </IntlProvider>,
  );
}

describe('the desktop switcher', () => {
  it('says it is loading, shows a load error with a retry, and explains an empty list', () => {
    expect(render({ people: null })).toContain('role="status">Loading…');
    const failed = render({ loadError: 'The core did not answer' });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('The core did not answer');
    expect(failed).toContain('Try again');
    expect(render({ people: [] })).toContain('Nobody can use this PC yet');
  });

  it('offers everyone as a button, then asks the chosen person for their PIN or password', () => {
    const list = render({});
    expect(list).toContain('Who is using this PC?');
    expect(list.match(/<button type="button" class="desktop-switcher__person"/g)).toHaveLength(2);
    const pin = render({ chosen: walt });
    expect(pin).toContain('>PIN<');
    expect(pin).toContain('inputMode="numeric"');
    expect(pin).toContain('Someone else');
    expect(render({ chosen: olive })).toContain('>Password<');
  });

  it('shows a refusal beside the field, with the seconds to wait after too many tries', () => {
    const wrong = render({
      chosen: walt,
      refusal: switchRefusal('UNAUTHORIZED', 'wrong PIN or password', true),
    });
    expect(wrong).toContain('aria-invalid="true"');
    expect(wrong).toContain('id="switcher-error" role="alert">Wrong PIN or password.');
    const limited = render({
      chosen: walt,
      refusal: switchRefusal('RATE_LIMITED', 'too many wrong tries; try again in 42 s', true),
    });
    expect(limited).toContain('Try again in 42 s.');
    expect(switchRefusal('FORBIDDEN', 'Gus is disabled', false)).toEqual({ id: 'desktop.switcher.disabled' });
    expect(switchRefusal('INTERNAL', 'x', false)).toEqual({ id: 'desktop.switcher.failed' });
  });

  it('locks on Ctrl+Shift+L (⌘+Shift+L), not on a plain L', () => {
    const keys = { key: 'L', shiftKey: true, ctrlKey: true, metaKey: false, altKey: false };
    expect(isLockShortcut(keys)).toBe(true);
    expect(isLockShortcut({ ...keys, ctrlKey: false, metaKey: true })).toBe(true);
    expect(isLockShortcut({ ...keys, shiftKey: false })).toBe(false);
    expect(isLockShortcut({ ...keys, ctrlKey: false })).toBe(false);
  });
});
