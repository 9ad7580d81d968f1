import { FormattedMessage } from 'react-intl';

/**
 * The bottom of a form: the error the last submit got (announced), then Submit and Cancel.
 */
export function FormActions({
  error,
  submitLabel,
  disabled = false,
  onCancel,
}: {
  error: string | null;
  submitLabel: string;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={disabled}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </button>
      </div>
    </>
  );
}
