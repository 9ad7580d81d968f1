import { FormattedMessage, useIntl } from 'react-intl';
import { create } from 'zustand';
import type { Session } from '../../../src-shared/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { RevealOnce } from '../../components/RevealOnce';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** A session's new key until it was acknowledged, or why rotating failed; in memory only. */
interface Rotation {
  key: string | null;
  error: string | null;
  /** False for the key a new session was created with (there is no previous key). */
  replaced?: boolean;
}

const useRotations = create<{ bySession: Record<string, Rotation> }>(() => ({ bySession: {} }));

function setRotation(sessionId: string, rotation: Rotation | null): void {
  useRotations.setState(({ bySession }) => {
    const next = { ...bySession };
    if (rotation) next[sessionId] = rotation;
    else delete next[sessionId];
    return { bySession: next };
  });
}

/** A just-created session's key: shown once in its card's "For developers" section. */
export function rememberNewKey(sessionId: string, key: string): void {
  setRotation(sessionId, { key, error: null });
}

/** Whether the card has a key to show once (its "For developers" section opens for it). */
export function useHasNewKey(sessionId: string): boolean {
  return useRotations((state) => Boolean(state.bySession[sessionId]));
}

/**
 * "Rotate API key…" among a session's actions: after a confirmation, the session gets a new key;
 * the old one stops working at once. `RotatedSessionKey` shows the new key once, under the actions.
 */
export function RotateSessionKeyButton({ session }: { session: Session }) {
  const intl = useIntl();
  const transport = useTransport();
  const rotate = async () => {
    setRotation(session.id, null);
    try {
      const { key } = await transport.call('sessions.rotateKey', { id: session.id });
      setRotation(session.id, { key, error: null, replaced: true });
    } catch (caught) {
      setRotation(session.id, { key: null, error: describeError(caught) });
    }
  };
  return (
    <ConfirmButton
      label={intl.formatMessage({ id: 'sessions.rotate.label' })}
      question={intl.formatMessage({ id: 'sessions.rotate.question' }, { name: session.name })}
      confirmLabel={intl.formatMessage({ id: 'settings.adminKey.rotateConfirm' })}
      onConfirm={rotate}
    />
  );
}

/** The key made by `RotateSessionKeyButton`, shown once like on creation (or why it failed). */
export function RotatedSessionKey({ session }: { session: Session }) {
  const intl = useIntl();
  const rotation = useRotations((state) => state.bySession[session.id]);
  if (rotation?.error) {
    return (
      <p className="form-error" role="alert">
        <FormattedMessage id="sessions.rotate.failed" values={{ reason: rotation.error }} />
      </p>
    );
  }
  if (!rotation?.key) return null;
  return (
    <RevealOnce
      label={intl.formatMessage({ id: 'sessions.rotate.newKey' }, { name: session.name })}
      value={rotation.key}
      onDone={() => setRotation(session.id, null)}
    >
      <FormattedMessage id={rotation.replaced ? 'sessions.rotate.done' : 'sessions.rotate.created'} />
    </RevealOnce>
  );
}
