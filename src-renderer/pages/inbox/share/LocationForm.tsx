import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { checkLocation, type FieldProblem, type LocationField } from '../../../model/inbox/share-forms';
import { ShareDialog } from './ShareDialog';
import { ShareField } from './ShareField';

/** Coordinates typed by hand keep five decimals (about a metre), as WhatsApp's own pins do. */
const DECIMALS = 5;

/** Browsers offer the position only in a secure context (https, or this PC as localhost). */
const canLocate = () =>
  typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;

/** Share a place: latitude and longitude (typed, or this PC's position), with a name and address. */
export function LocationForm({ jid, onClose }: { jid: string; onClose: () => void }) {
  const intl = useIntl();
  const [typed, setTyped] = useState({ latitude: '', longitude: '', name: '', address: '' });
  const [problems, setProblems] = useState<Partial<Record<LocationField, FieldProblem>>>({});
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');

  const change = (field: LocationField) => (value: string) => {
    setTyped((was) => ({ ...was, [field]: value }));
    setProblems((was) => ({ ...was, [field]: undefined }));
  };

  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        setProblems({});
        setTyped((was) => ({
          ...was,
          latitude: position.coords.latitude.toFixed(DECIMALS),
          longitude: position.coords.longitude.toFixed(DECIMALS),
        }));
      },
      () => setLocating('failed'),
      { timeout: 15_000 },
    );
  };

  const check = () => {
    const checked = checkLocation(jid, typed);
    if (checked.ok) return checked.input;
    setProblems(checked.problems);
    return null;
  };

  return (
    <ShareDialog title={<FormattedMessage id="inbox-share.location.title" />} check={check} onClose={onClose}>
      {(ids) => (
        <>
          {canLocate() && (
            <div className="share-dialog__locate">
              <button
                type="button"
                className="button button--secondary"
                disabled={locating === 'busy'}
                onClick={locate}
              >
                {intl.formatMessage({
                  id: locating === 'busy' ? 'inbox-share.location.locating' : 'inbox-share.location.here',
                })}
              </button>
              {locating === 'failed' && (
                <p className="field-error" role="alert">
                  <FormattedMessage id="inbox-share.location.hereFailed" />
                </p>
              )}
            </div>
          )}
          <div className="share-dialog__pair">
            <ShareField
              id={`${ids}-lat`}
              label={<FormattedMessage id="inbox-share.location.latitude" />}
              problem={problems.latitude}
              value={typed.latitude}
              onChange={change('latitude')}
              inputMode="decimal"
              dir="ltr"
              placeholder="32.08530"
              autoFocus
            />
            <ShareField
              id={`${ids}-lng`}
              label={<FormattedMessage id="inbox-share.location.longitude" />}
              problem={problems.longitude}
              value={typed.longitude}
              onChange={change('longitude')}
              inputMode="decimal"
              dir="ltr"
              placeholder="34.78180"
            />
          </div>
          <ShareField
            id={`${ids}-name`}
            label={<FormattedMessage id="inbox-share.location.name" />}
            problem={problems.name}
            value={typed.name}
            onChange={change('name')}
          />
          <ShareField
            id={`${ids}-address`}
            label={<FormattedMessage id="inbox-share.location.address" />}
            problem={problems.address}
            value={typed.address}
            onChange={change('address')}
          />
        </>
      )}
    </ShareDialog>
  );
}
