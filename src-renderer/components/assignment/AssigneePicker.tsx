import './assignment.css';
import { useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AssignmentCandidates } from '../../../src-shared/contract/assignment';
import { pickerOptions, type PickerOption } from '../../model/assignment/picker-options';
import { usePopover } from '../nav/use-popover';

/**
 * A searchable list of people (who is available, who is away) and teams, opened from a button:
 * type to narrow, ↑/↓ to move, Enter to choose, Esc to close (focus returns to the button).
 * Used by the conversation header and by select mode's bar.
 */
export function AssigneePicker({
  label,
  buttonText,
  candidates,
  me,
  open,
  onOpenChange,
  onPick,
  disabled = false,
}: {
  label: string;
  buttonText: string;
  candidates: AssignmentCandidates | null;
  me: string | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (option: PickerOption) => void;
  disabled?: boolean;
}) {
  const intl = useIntl();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const options = useMemo(
    () => (candidates ? pickerOptions(candidates, query, me, intl.locale) : []),
    [candidates, query, me, intl.locale],
  );
  const { rootRef, buttonRef, close } = usePopover(open, onOpenChange, () => {
    setQuery('');
    setActive(0);
    inputRef.current?.focus();
  });

  const pick = (option: PickerOption) => {
    close();
    onPick(option);
  };

  const optionText = (option: PickerOption) =>
    option.kind === 'nobody'
      ? intl.formatMessage({ id: 'assignment.picker.nobody' })
      : option.kind === 'person' && option.me
        ? intl.formatMessage({ id: 'assignment.picker.me' }, { name: option.name })
        : option.name;

  return (
    <div className="assignee-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary assignee-picker__button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={intl.formatMessage({ id: 'assignment.picker.button' }, { label, value: buttonText })}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        <span dir="auto">{buttonText}</span>
      </button>
      {open && (
        <div className="assignee-picker__popover" role="dialog" aria-label={label}>
          <input
            ref={inputRef}
            type="search"
            className="assignee-picker__search"
            role="combobox"
            aria-expanded="true"
            aria-controls={candidates && options.length ? `${id}-list` : undefined}
            aria-activedescendant={candidates && options[active] ? `${id}-${active}` : undefined}
            aria-label={intl.formatMessage({ id: 'assignment.picker.search' })}
            placeholder={intl.formatMessage({ id: 'assignment.picker.search' })}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, options.length - 1));
              else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
              else if (event.key === 'Enter' && options[active]) pick(options[active]);
              else if (event.key === 'Escape') close();
              else return;
              event.preventDefault();
              event.stopPropagation();
            }}
          />
          {!candidates ? (
            <p className="muted assignee-picker__note" role="status">
              {intl.formatMessage({ id: 'assignment.picker.loading' })}
            </p>
          ) : options.length === 0 ? (
            <p className="muted assignee-picker__note">
              {intl.formatMessage({ id: 'assignment.picker.noMatch' })}
            </p>
          ) : (
            <ul id={`${id}-list`} role="listbox" className="assignee-picker__list" aria-label={label}>
              {options.map((option, index) => (
                <li
                  key={option.kind === 'nobody' ? 'nobody' : `${option.kind}:${option.id}`}
                  id={`${id}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="assignee-picker__option"
                  onMouseEnter={() => setActive(index)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                >
                  <span dir="auto" className="assignee-picker__name">
                    {optionText(option)}
                  </span>
                  {option.kind === 'person' && (
                    <span
                      className={`assignee-picker__presence${option.available ? ' assignee-picker__presence--on' : ''}`}
                    >
                      {intl.formatMessage({
                        id: option.available ? 'assignment.picker.available' : 'assignment.picker.away',
                      })}
                    </span>
                  )}
                  {option.kind === 'team' && (
                    <span className="assignee-picker__presence">
                      {intl.formatMessage({ id: 'assignment.picker.team' })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
