import './assignment.css';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/**
 * The person menu's "Available for new chats" switch (issue #16): round robin skips people who
 * are away. Read when the menu opens; an error is said in the menu.
 */
export function AvailabilityItem() {
  const intl = useIntl();
  const transport = useTransport();
  const [available, setAvailable] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    transport
      .call('availability.get', {})
      .then((answer) => live && setAvailable(answer.available))
      .catch((caught: unknown) => live && setError(describeError(caught)));
    return () => {
      live = false;
    };
  }, [transport]);

  const toggle = async () => {
    if (available === null) return;
    setBusy(true);
    setError(null);
    try {
      setAvailable((await transport.call('availability.set', { available: !available })).available);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={available === true}
        className="user-menu__item availability-item"
        disabled={available === null || busy}
        onClick={() => void toggle()}
      >
        <span
          className={`availability-item__dot${available ? ' availability-item__dot--on' : ''}`}
          aria-hidden
        />
        {intl.formatMessage({
          id:
            available === null
              ? 'assignment.availability.loading'
              : available
                ? 'assignment.availability.available'
                : 'assignment.availability.away',
        })}
      </button>
      {error && (
        <p className="form-error availability-item__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
