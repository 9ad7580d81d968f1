import '../../../components/assignment/assignment.css';
import { useIntl } from 'react-intl';
import type { AssignmentHistoryEntry } from '../../../../src-shared/contract/assignment';
import { historyLine } from '../../../model/assignment/history-lines';

/** A small centred line in the conversation: "Dana assigned this to Support · 10:42". */
export function AssignmentLine({ entry }: { entry: AssignmentHistoryEntry }) {
  const intl = useIntl();
  const { id, values } = historyLine(entry, intl);
  const time = intl.formatTime(entry.at, { hour: 'numeric', minute: '2-digit' });
  return (
    <div className="assignment-line" role="note">
      <span>{intl.formatMessage({ id }, { ...values, time })}</span>
      {entry.note && (
        <span className="assignment-line__note" dir="auto">
          {intl.formatMessage({ id: 'assignment.line.note' }, { note: entry.note })}
        </span>
      )}
    </div>
  );
}
