import { useCallback, useEffect } from 'react';
import { useConnection } from '../../stores/connection';
import { useMe } from '../../stores/me';
import { isLockShortcut } from '../../model/desktop/lock-shortcut';

/**
 * Lock for a person chosen at the desktop switcher: the core forgets them and the window reloads,
 * so nothing of theirs stays in memory, and starts again at the switcher. Undefined for anyone
 * else (a browser, or the desktop window while the switcher is off).
 */
export function useDesktopLock(): (() => void) | undefined {
  const transport = useConnection((state) => state.transport);
  const seated = useMe((state) => state.principal?.via === 'desktop' && state.principal.user !== null);
  const available = transport?.kind === 'ipc' && seated;

  const lock = useCallback(() => {
    if (!transport) return;
    void transport.call('desktop.lock', {}).finally(() => window.location.reload());
  }, [transport]);

  useEffect(() => {
    if (!available) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      lock();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [available, lock]);

  return available ? lock : undefined;
}
