import { useCallback, useEffect, useState } from 'react';
import type { DesktopPerson } from '../../../src-shared/contract/desktop';
import { switchRefusal, type SwitchRefusal } from '../../model/desktop/switch-error';
import { useConnection } from '../../stores/connection';
import { describeError, RpcError } from '../../transport/rpc-error';
import { SwitcherView } from './SwitcherView';

/**
 * The locked desktop window (Settings → Team, "Ask who is using this PC"): choose yourself, give
 * your PIN or password, and the window goes on as you (stores/connection.ts `enterDesktop`).
 * Locked, the core answers nothing but the switcher's operations.
 */
export function DesktopSwitcher() {
  const transport = useConnection((state) => state.transport);
  const enterDesktop = useConnection((state) => state.enterDesktop);
  const [people, setPeople] = useState<DesktopPerson[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<DesktopPerson | null>(null);
  const [secret, setSecret] = useState('');
  const [refusal, setRefusal] = useState<SwitchRefusal | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    if (!transport) return;
    setLoadError(null);
    try {
      setPeople((await transport.call('desktop.state', {})).people);
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [transport]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    if (!transport || !chosen) return;
    setBusy(true);
    setRefusal(null);
    try {
      await transport.call('desktop.switch', { userId: chosen.id, secret });
      // Whoever sits down starts at the inbox, not on the screen (or chat) the last person left open.
      window.history.replaceState(null, '', '/inbox');
      await enterDesktop();
    } catch (error) {
      setSecret('');
      setRefusal(
        error instanceof RpcError
          ? switchRefusal(error.code, error.message, chosen.hasPin)
          : { id: 'desktop.switcher.failed' },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <SwitcherView
      people={people}
      loadError={loadError}
      chosen={chosen}
      secret={secret}
      refusal={refusal}
      busy={busy}
      onChoose={(person) => {
        setChosen(person);
        setSecret('');
        setRefusal(null);
      }}
      onSecret={setSecret}
      onSubmit={() => void submit()}
      onRetry={() => void load()}
    />
  );
}
