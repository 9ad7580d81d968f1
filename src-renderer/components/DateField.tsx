import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { useT } from '../i18n/use-t';
import { Calendar } from './Calendar';
import { Icon } from './icons';
import '../styles/date-field.css';

type NativeProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>;

/**
 * A date as `YYYY-MM-DD`: the browser's date input for typing, plus a calendar in the app's
 * language whose week starts on the reader's day. The browser's own picker is hidden (styles):
 * it follows the browser's language and week, not the one the person chose in Chatdock.
 */
export function DateField({
  value,
  onChange,
  ...native
}: NativeProps & { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const calendarId = useId();
  const rootRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A click anywhere else closes the calendar, like a menu.
  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <span className="date-field" ref={rootRef}>
      <input
        type="date"
        className="date-field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...native}
      />
      <button
        ref={buttonRef}
        type="button"
        className="date-field__open"
        aria-label={t('common.calendar.open')}
        aria-expanded={open}
        aria-controls={open ? calendarId : undefined}
        onClick={() => setOpen((current) => !current)}
      >
        <Icon name="calendar" />
      </button>
      {open && (
        <Calendar
          id={calendarId}
          value={value}
          onPick={(picked) => {
            onChange(picked);
            close();
          }}
          onClose={close}
        />
      )}
    </span>
  );
}
