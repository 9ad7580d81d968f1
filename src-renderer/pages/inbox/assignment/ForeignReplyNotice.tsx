import '../../../components/assignment/assignment.css';
import { useIntl } from 'react-intl';
import { useForeignReply } from '../../../stores/foreign-reply';

/**
 * The composer's question before a reply in someone else's chat (`foreignReply: warn`: Enter or
 * "Send anyway" sends, Escape or Cancel keeps the text), or the reason it may not (`forbid`).
 */
export function ForeignReplyNotice({ onConfirm }: { onConfirm: () => void }) {
  const intl = useIntl();
  const asking = useForeignReply((state) => state.asking);
  const dismiss = useForeignReply((state) => state.dismiss);
  if (!asking) return null;
  const warn = asking.mode === 'warn';
  return (
    <div className="collision-notice collision-notice--warn" role="alert">
      <span>
        {intl.formatMessage(
          { id: warn ? 'assignment.foreignReply.warn' : 'assignment.foreignReply.forbid' },
          { name: asking.owner },
        )}
      </span>
      {warn && (
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {intl.formatMessage({ id: 'assignment.foreignReply.sendAnyway' })}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={dismiss}>
        {intl.formatMessage({ id: warn ? 'assignment.foreignReply.cancel' : 'assignment.foreignReply.ok' })}
      </button>
    </div>
  );
}
