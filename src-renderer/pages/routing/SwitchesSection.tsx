import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AssignmentSettings } from '../../../src-shared/contract/assignment';
import { useQuery } from '../../hooks';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';
import { FOREIGN_LABEL } from './labels';
import { ChoiceSelect } from './RefSelect';

/** Assignment's two switches: a reply assigns an unassigned chat; sending in someone else's chat. */
export function SwitchesSection() {
  const intl = useIntl();
  const transport = useTransport();
  const query = useQuery('assignmentSettings.get', {});
  const [error, setError] = useState<string | null>(null);
  const update = async (changes: Partial<AssignmentSettings>) => {
    setError(null);
    try {
      query.setData(await transport.call('assignmentSettings.update', changes));
    } catch (caught) {
      setError(describeError(caught));
    }
  };
  const settings = query.data;
  return (
    <section className="card" aria-labelledby="routing-switches-title">
      <h2 id="routing-switches-title">
        <FormattedMessage id="routing.switches.title" />
      </h2>
      {query.loading && !settings && (
        <p className="muted" role="status">
          <FormattedMessage id="routing.loading" />
        </p>
      )}
      {(query.error ?? error) && (
        <p className="form-error" role="alert">
          {query.error ?? error}
        </p>
      )}
      {settings && (
        <div className="stack">
          <label className="row">
            <input
              type="checkbox"
              checked={settings.replyAssigns}
              onChange={(event) => void update({ replyAssigns: event.target.checked })}
            />
            <FormattedMessage id="routing.switches.replyAssigns" />
          </label>
          <ChoiceSelect
            label={intl.formatMessage({ id: 'routing.switches.foreignReply' })}
            value={settings.foreignReply}
            choices={(['allow', 'warn', 'forbid'] as const).map((value) => ({
              value,
              label: intl.formatMessage({ id: FOREIGN_LABEL[value] }),
            }))}
            onChange={(foreignReply) => void update({ foreignReply })}
          />
        </div>
      )}
    </section>
  );
}
