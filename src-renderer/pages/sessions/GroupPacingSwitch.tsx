import { useEffect, useId, useState } from 'react';
import { useQuery } from '../../hooks';
import { useT } from '../../i18n/use-t';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/**
 * A number's "human-paced group sends" switch (issue #26 point 5): API sends to groups wait a
 * random pause before they go out. Saved as soon as it is flipped.
 */
export function GroupPacingSwitch({ sessionId }: { sessionId: string }) {
  const t = useT();
  const transport = useTransport();
  const pacing = useQuery('sendPacing.get', { session: sessionId });
  // Shown flipped at once; put back if saving fails.
  const [checked, setChecked] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const stored = pacing.data;
  useEffect(() => {
    if (stored) setChecked(stored.groupSends);
  }, [stored]);

  const flip = async (groupSends: boolean) => {
    setChecked(groupSends);
    setSaving(true);
    setError(null);
    try {
      pacing.setData(await transport.call('sendPacing.update', { session: sessionId, groupSends }));
    } catch (caught) {
      setChecked(!groupSends);
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  if (!stored) {
    return pacing.error ? (
      <p className="form-error" role="alert">
        {t('pacing.settings.loadError', { error: pacing.error })}
      </p>
    ) : (
      <p className="muted" role="status">
        {t('pacing.settings.loading')}
      </p>
    );
  }
  return (
    <div className="group-pacing">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          disabled={saving}
          aria-describedby={hintId}
          onChange={(event) => void flip(event.target.checked)}
        />
        <span>{t('pacing.settings.toggle')}</span>
      </label>
      <span id={hintId} className="field__hint">
        {pauseHint(t, Math.round(stored.minMs / 1000), Math.round(stored.maxMs / 1000))}
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "waits 2–5 seconds", or "waits 40 seconds" when the pause is fixed (not "40–40"). */
function pauseHint(t: ReturnType<typeof useT>, min: number, max: number): string {
  return min === max
    ? t('pacing.settings.hintFixed', { seconds: min })
    : t('pacing.settings.hint', { min, max });
}
