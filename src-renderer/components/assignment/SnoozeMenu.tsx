import './assignment.css';
import { useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  laterToday,
  parseLocalDateTime,
  toLocalDateTime,
  tomorrowMorning,
} from '../../model/assignment/snooze';
import { usePopover } from '../nav/use-popover';

/**
 * Snooze: later today, tomorrow morning, or a chosen time (refused beside the field when it is
 * not in the future). Esc or a click elsewhere closes it.
 */
export function SnoozeMenu({
  open,
  onOpenChange,
  onSnooze,
  disabled = false,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSnooze: (until: Date) => void;
  disabled?: boolean;
}) {
  const intl = useIntl();
  const id = useId();
  const firstRef = useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const now = new Date();
  const later = laterToday(now);
  const tomorrow = tomorrowMorning(now);
  const { rootRef, buttonRef, close } = usePopover(open, onOpenChange, () => {
    setProblem(null);
    setChosen(toLocalDateTime(tomorrowMorning(new Date())));
    firstRef.current?.focus();
  });

  const snooze = (until: Date) => {
    close();
    onSnooze(until);
  };
  const time = (date: Date) => intl.formatTime(date, { hour: 'numeric', minute: '2-digit' });
  const sameDay = later.getDate() === now.getDate();

  return (
    <div
      className="snooze-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        {intl.formatMessage({ id: 'assignment.action.snooze' })}
      </button>
      {open && (
        <div
          className="snooze-menu__popover"
          role="dialog"
          aria-label={intl.formatMessage({ id: 'assignment.action.snooze' })}
        >
          {sameDay && (
            <button ref={firstRef} type="button" className="user-menu__item" onClick={() => snooze(later)}>
              {intl.formatMessage({ id: 'assignment.snooze.laterToday' }, { time: time(later) })}
            </button>
          )}
          <button
            ref={sameDay ? undefined : firstRef}
            type="button"
            className="user-menu__item"
            onClick={() => snooze(tomorrow)}
          >
            {intl.formatMessage({ id: 'assignment.snooze.tomorrow' }, { time: time(tomorrow) })}
          </button>
          <form
            className="snooze-menu__custom"
            onSubmit={(event) => {
              event.preventDefault();
              const until = parseLocalDateTime(chosen);
              if (!until || until.getTime() <= Date.now()) {
                setProblem(intl.formatMessage({ id: 'assignment.snooze.past' }));
                return;
              }
              snooze(until);
            }}
          >
            <label className="field" htmlFor={`${id}-at`}>
              <span className="field__label">{intl.formatMessage({ id: 'assignment.snooze.choose' })}</span>
            </label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={chosen}
              aria-invalid={problem !== null}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => {
                setChosen(event.target.value);
                setProblem(null);
              }}
            />
            {problem && (
              <p id={`${id}-problem`} className="form-error" role="alert">
                {problem}
              </p>
            )}
            <button type="submit" className="button button--primary">
              {intl.formatMessage({ id: 'assignment.snooze.confirm' })}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
