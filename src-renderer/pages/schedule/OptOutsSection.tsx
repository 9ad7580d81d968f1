import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { OptOut } from '../../../src-shared/contract/schedule';
import type { Session } from '../../../src-shared/model';
import { formatPhone } from '../../model/phone';
import { useTransport } from '../../stores/connection';
import { describeError } from '../../transport/rpc-error';

/** Numbers that never get campaign messages: STOP replies and numbers added by hand. */
export function OptOutsSection({ sessions }: { sessions: Session[] }) {
  const transport = useTransport();
  const [items, setItems] = useState<OptOut[]>([]);
  const [session, setSession] = useState(sessions[0]?.id ?? '');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await transport.call('optOuts.list', {})).items);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [transport]);

  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await transport.call('optOuts.add', { session, phone });
      setPhone('');
      setError(null);
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const remove = async (item: OptOut) => {
    try {
      await transport.call('optOuts.remove', { session: item.session, jid: item.jid });
      await load();
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <section className="card" aria-label="Opt-out list">
      <h2>Opt-out list</h2>
      <p className="muted">
        Customers who reply STOP (or unsubscribe, stop all…) are added automatically and never get a campaign
        message.
      </p>
      <form className="toolbar" onSubmit={(event) => void add(event)}>
        <label className="field field--inline">
          <span className="field__label">Session</span>
          <select value={session} onChange={(event) => setSession(event.target.value)}>
            {sessions.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Phone number</span>
          <input required value={phone} onChange={(event) => setPhone(event.target.value)} />
        </label>
        <button type="submit" className="button button--secondary" disabled={!session}>
          Add to opt-out list
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {items.length > 0 && (
        <table className="data-table" aria-label="Opted-out numbers">
          <thead>
            <tr>
              <th>Number</th>
              <th>Session</th>
              <th>Why</th>
              <th>Since</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.session}|${item.jid}`}>
                <td>{formatPhone(item.phone) ?? item.jid}</td>
                <td>{item.session}</td>
                <td>{item.reason === 'stop_reply' ? 'Replied STOP' : 'Added by hand'}</td>
                <td>{new Date(item.createdAt).toLocaleString()}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => void remove(item)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
