import '../../../components/assignment/assignment.css';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { CHAT_STATUSES, type ChatStatus } from '../../../../src-shared/contract/constants/assignment';
import { STATUS_LABEL, VIEW_LABEL } from '../../../model/assignment/labels';
import { parseView, viewChoices, viewValue } from '../../../model/assignment/views';
import { useTransport } from '../../../stores/connection';
import { useInbox } from '../../../stores/inbox';
import { useMe } from '../../../stores/me';
import { useViewCounts } from '../../../stores/view-counts';
import { countOf } from '../../../model/assignment/view-counts';

/**
 * The inbox views (Mine / Unassigned / each of my teams / All) and the status filter, open by
 * default. The server filters (`chats.list`'s assignee, team, status); events move chats live.
 */
export function ViewFilters() {
  const intl = useIntl();
  const transport = useTransport();
  const user = useMe((state) => state.principal?.user ?? null);
  const view = useInbox((state) => state.filter.view);
  const status = useInbox((state) => state.filter.status);
  const setFilter = useInbox((state) => state.setFilter);
  const session = useInbox((state) => state.filter.session);
  const counts = useViewCounts((state) => state.counts);
  const choices = viewChoices(user);
  useEffect(() => {
    void useViewCounts.getState().load(transport);
  }, [transport, session, status]);
  const current = viewValue(view);
  return (
    <div
      className="view-filters"
      role="group"
      aria-label={intl.formatMessage({ id: 'assignment.view.label' })}
    >
      <div className="view-filters__views">
        {choices.map((choice) => {
          const value = viewValue(choice.view);
          const count = countOf(counts, choice.view);
          const label = choice.team
            ? intl.formatMessage({ id: 'assignment.view.team' }, { team: choice.team })
            : intl.formatMessage({ id: VIEW_LABEL[choice.view.kind as 'mine' | 'unassigned' | 'all'] });
          return (
            <button
              key={value}
              type="button"
              aria-pressed={value === current}
              className="filter-chip"
              onClick={() => setFilter(transport, { view: parseView(value) })}
              // The name stays the view's ("Mine"); the count is its description for screen readers.
              title={
                count === null
                  ? undefined
                  : intl.formatMessage({ id: 'assignment.view.withCount' }, { view: label, count })
              }
            >
              {label}
              {count !== null && (
                <span className="view-filters__count" aria-hidden="true">
                  {intl.formatNumber(count)}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <select
        className="view-filters__status"
        value={status ?? ''}
        aria-label={intl.formatMessage({ id: 'assignment.statusFilter.label' })}
        onChange={(event) =>
          setFilter(transport, { status: (event.target.value || null) as ChatStatus | null })
        }
      >
        {CHAT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {intl.formatMessage({ id: STATUS_LABEL[value] })}
          </option>
        ))}
        <option value="">{intl.formatMessage({ id: 'assignment.statusFilter.any' })}</option>
      </select>
    </div>
  );
}
