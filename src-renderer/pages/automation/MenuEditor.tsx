import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/use-t';
import type { AutomationSettings, MenuOption, MenuSubOption } from '../../../src-shared/contract/automation';
import { CheckboxField, TextField } from '../widget/fields';
import { moved, nextKey } from './draft';
import { NumberField } from './MessagesFields';
import { TemplateField } from './TemplateField';
import { menuBackLabel } from '../../../src-shared/automation-text';

type Menu = AutomationSettings['menu'];

function OptionFields<T extends MenuOption | MenuSubOption>({
  path,
  option,
  siblings,
  onChange,
  onMove,
  onRemove,
}: {
  path: string;
  option: T;
  siblings: number;
  onChange(option: T): void;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  const t = useT();
  const name = option.label || t('automation.menu.optionName', { key: option.key });
  return (
    <div className="stack">
      <div className="row automation-rule__bar">
        <strong>{option.key}</strong>
        <span className="row">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('automation.moveUp', { name })}
            onClick={() => onMove(-1)}
            disabled={siblings < 2}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={t('automation.moveDown', { name })}
            onClick={() => onMove(1)}
            disabled={siblings < 2}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            aria-label={t('automation.removeNamed', { name })}
            onClick={onRemove}
          >
            {t('automation.remove')}
          </button>
        </span>
      </div>
      <div className="automation-grid">
        <TextField
          field={`${path}.key`}
          label={t('automation.menu.digit', { name })}
          value={option.key}
          maxLength={1}
          onChange={(key) => onChange({ ...option, key })}
        />
        <TextField
          field={`${path}.label`}
          label={t('automation.menu.label', { key: option.key })}
          value={option.label}
          onChange={(label) => onChange({ ...option, label })}
        />
      </div>
      <TemplateField
        field={`${path}.reply`}
        label={t('automation.menu.reply', { name })}
        rows={2}
        value={option.reply}
        onChange={(reply) => onChange({ ...option, reply })}
      />
      <CheckboxField
        field={`${path}.handover`}
        label={t('automation.menu.handover')}
        checked={option.handover}
        onChange={(handover) => onChange({ ...option, handover })}
      />
    </div>
  );
}

/** The numbered menu bot: options with one level of sub-menus; "0" goes back. */
export function MenuEditor({
  menu,
  language,
  onChange,
}: {
  menu: Menu;
  /** The automation's language: an empty "Back" label is sent as its word in it. */
  language: string;
  onChange(menu: Menu): void;
}) {
  const t = useT();
  const setOptions = (options: MenuOption[]) => onChange({ ...menu, options });
  const addOption = () => {
    const key = nextKey(menu.options);
    if (key) setOptions([...menu.options, { key, label: '', reply: '', handover: false, options: [] }]);
  };
  return (
    <section className="stack" aria-labelledby="automation-menu-title">
      <h2 id="automation-menu-title">{t('automation.menu.title')}</h2>
      <CheckboxField
        field="menu.enabled"
        label={t('automation.menu.enabled')}
        checked={menu.enabled}
        onChange={(enabled) => onChange({ ...menu, enabled })}
      />
      <TemplateField
        field="menu.text"
        label={t('automation.menu.text')}
        rows={2}
        value={menu.text}
        onChange={(text) => onChange({ ...menu, text })}
      />
      <div className="automation-grid">
        <TextField
          field="menu.backLabel"
          label={t('automation.menu.backLabel')}
          value={menu.backLabel ?? ''}
          placeholder={menuBackLabel(null, language)}
          lang={language}
          hint={
            <FormattedMessage
              id="automation.menu.backLabelHint"
              values={{ word: <bdi lang={language}>{menuBackLabel(null, language)}</bdi> }}
            />
          }
          onChange={(backLabel) => onChange({ ...menu, backLabel: backLabel.trim() ? backLabel : null })}
        />
        <NumberField
          field="menu.timeoutMinutes"
          label={t('automation.menu.timeout')}
          min={1}
          max={1440}
          value={menu.timeoutMinutes}
          onChange={(timeoutMinutes) => onChange({ ...menu, timeoutMinutes })}
        />
      </div>
      <ol className="automation-rules">
        {menu.options.map((option, index) => {
          const path = `menu.options.${index}`;
          const update = (next: MenuOption) =>
            setOptions(menu.options.map((o, i) => (i === index ? next : o)));
          return (
            <li
              key={index}
              className="card stack"
              aria-label={t('automation.menu.option', { key: option.key })}
            >
              <OptionFields
                path={path}
                option={option}
                siblings={menu.options.length}
                onChange={update}
                onMove={(delta) => setOptions(moved(menu.options, index, index + delta))}
                onRemove={() => setOptions(menu.options.filter((_, i) => i !== index))}
              />
              {option.options.length > 0 && (
                <ol
                  className="automation-rules automation-submenu"
                  aria-label={t('automation.menu.submenu', { name: option.label || option.key })}
                >
                  {option.options.map((sub, subIndex) => (
                    <li key={subIndex} className="stack">
                      <OptionFields
                        path={`${path}.options.${subIndex}`}
                        option={sub}
                        siblings={option.options.length}
                        onChange={(next) =>
                          update({
                            ...option,
                            options: option.options.map((s, i) => (i === subIndex ? next : s)),
                          })
                        }
                        onMove={(delta) =>
                          update({ ...option, options: moved(option.options, subIndex, subIndex + delta) })
                        }
                        onRemove={() =>
                          update({ ...option, options: option.options.filter((_, i) => i !== subIndex) })
                        }
                      />
                    </li>
                  ))}
                </ol>
              )}
              <div>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={nextKey(option.options) === null}
                  onClick={() => {
                    const key = nextKey(option.options);
                    if (key)
                      update({
                        ...option,
                        options: [...option.options, { key, label: '', reply: '', handover: false }],
                      });
                  }}
                >
                  {t('automation.menu.addSub', { key: option.key })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className="button button--secondary"
          onClick={addOption}
          disabled={nextKey(menu.options) === null}
        >
          {t('automation.menu.add')}
        </button>
      </div>
    </section>
  );
}
