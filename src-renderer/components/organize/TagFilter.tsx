import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { useTransport } from '../../stores/connection';
import { useTags } from '../../stores/tags';
import { Swatch } from './TagChip';
import '../../styles/organize.css';

/** "Filter by tag" for the chat list: `null` shows every chat; otherwise pass the id as `tagId` to chats.list. */
export function TagFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (tagId: string | null) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const { tags, load } = useTags();

  useEffect(() => {
    void load(transport);
  }, [transport, load]);

  const selected = tags.find((tag) => tag.id === value);
  return (
    <div className="tag-filter">
      {selected && <Swatch color={selected.color} />}
      <select
        aria-label={intl.formatMessage({ id: 'organize.filter.label' })}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{intl.formatMessage({ id: 'organize.filter.all' })}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {intl.formatMessage({ id: 'organize.filter.option' }, { name: tag.name, count: tag.usage.chats })}
          </option>
        ))}
      </select>
    </div>
  );
}
