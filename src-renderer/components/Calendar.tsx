import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t';
import { firstDayOfWeek, weekdayName, weekdaysInOrder } from '../i18n/week';
import { addDays, addMonths, isIsoDate, monthWeeks, sameMonth, startOfWeek, utcDate } from './calendar-grid';
import { Icon } from './icons';

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A month grid to pick a date from, in the app's language: month and day names from `Intl`, the
 * week starting on the locale's first day (Sunday in Hebrew, Saturday in Arabic, Monday in
 * German). Keyboard as in the WAI-ARIA date picker pattern: arrows move by day and week (left
 * and right follow the reading direction), Home/End to the week's ends, Page Up/Down by month,
 * Enter picks, Esc closes.
 */
export function Calendar({
  id,
  value,
  onPick,
  onClose,
}: {
  id: string;
  value: string;
  onPick: (date: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const firstDay = firstDayOfWeek(intl.locale);
  const [focused, setFocused] = useState(() => (isIsoDate(value) ? value : today()));
  const gridRef = useRef<HTMLTableElement>(null);

  useEffect(() => {
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    intl.formatDate(utcDate(iso), { ...options, timeZone: 'UTC' });
  const month = format(focused, { month: 'long', year: 'numeric' });

  const onKeyDown = (event: KeyboardEvent) => {
    const rtl = gridRef.current ? getComputedStyle(gridRef.current).direction === 'rtl' : false;
    const forward = rtl ? -1 : 1;
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDays(focused, forward),
      ArrowLeft: () => addDays(focused, -forward),
      ArrowDown: () => addDays(focused, 7),
      ArrowUp: () => addDays(focused, -7),
      Home: () => startOfWeek(focused, firstDay),
      End: () => addDays(startOfWeek(focused, firstDay), 6),
      PageDown: () => addMonths(focused, 1),
      PageUp: () => addMonths(focused, -1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setFocused(move());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div id={id} className="calendar" role="dialog" aria-label={t('common.calendar.label', { month })}>
      <div className="calendar__header">
        <button
          type="button"
          className="calendar__nav"
          aria-label={t('common.calendar.previous')}
          onClick={() => setFocused(addMonths(focused, -1))}
        >
          <Icon name="chevronStart" />
        </button>
        <span className="calendar__month" aria-live="polite">
          {month}
        </span>
        <button
          type="button"
          className="calendar__nav"
          aria-label={t('common.calendar.next')}
          onClick={() => setFocused(addMonths(focused, 1))}
        >
          <Icon name="chevronEnd" />
        </button>
      </div>
      <table ref={gridRef} role="grid" aria-label={month} className="calendar__grid" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdaysInOrder(intl.locale).map((day) => (
              <th key={day} scope="col" abbr={weekdayName(intl.locale, day)}>
                {weekdayName(intl.locale, day, 'narrow')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focused, firstDay).map((week) => (
            <tr key={week[0]}>
              {week.map((date) => (
                <td key={date} aria-selected={date === value}>
                  <button
                    type="button"
                    data-date={date}
                    tabIndex={date === focused ? 0 : -1}
                    className={[
                      'calendar__day',
                      sameMonth(date, focused) ? '' : 'calendar__day--other',
                      date === value ? 'calendar__day--chosen' : '',
                      date === today() ? 'calendar__day--today' : '',
                    ].join(' ')}
                    aria-label={format(date, { dateStyle: 'full' })}
                    aria-current={date === today() ? 'date' : undefined}
                    onClick={() => onPick(date)}
                  >
                    {format(date, { day: 'numeric' })}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button calendar__close" onClick={onClose}>
        {t('common.calendar.close')}
      </button>
    </div>
  );
}
