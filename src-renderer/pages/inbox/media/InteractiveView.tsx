import { useIntl, type IntlShape } from 'react-intl';
import type { Interactive, InteractiveKind } from '../../../../src-shared/interactive';
import type { Message } from '../../../../src-shared/messages';
import type { MessageId } from '../../../i18n/messages/en';

const KIND_LABELS: Record<InteractiveKind, MessageId> = {
  buttons: 'kinds.interactive.kind.buttons',
  list: 'kinds.interactive.kind.list',
  template: 'kinds.interactive.kind.template',
  native_flow: 'kinds.interactive.kind.native_flow',
  product: 'kinds.interactive.kind.product',
  order: 'kinds.interactive.kind.order',
  button_reply: 'kinds.interactive.kind.button_reply',
  list_reply: 'kinds.interactive.kind.list_reply',
};

/** A price in its currency, or the bare number when the code is not one Intl knows. */
function money(intl: IntlShape, amount: number | null, currency: string | null): string | null {
  if (amount === null) return null;
  try {
    return currency ? intl.formatNumber(amount, { style: 'currency', currency }) : intl.formatNumber(amount);
  } catch {
    return `${intl.formatNumber(amount)} ${currency ?? ''}`.trim();
  }
}

/** The buttons as chips that look like WhatsApp's but do nothing: only the customer can tap them. */
function Buttons({ value }: { value: Interactive }) {
  const intl = useIntl();
  if (!value.buttons.length) return null;
  return (
    <ul className="interactive__buttons" aria-label={intl.formatMessage({ id: 'kinds.interactive.options' })}>
      {value.buttons.map((button, index) => (
        <li
          key={index}
          className="interactive__chip"
          title={button.url ?? button.phone ?? undefined}
          dir="auto"
        >
          {button.url ? '🔗 ' : button.phone ? '📞 ' : ''}
          {button.title}
        </li>
      ))}
    </ul>
  );
}

function List({ value }: { value: Interactive }) {
  const intl = useIntl();
  if (!value.list) return null;
  return (
    <div className="interactive__list">
      {value.list.button && (
        <span className="interactive__chip interactive__chip--list" dir="auto">
          ☰ {value.list.button}
        </span>
      )}
      {value.list.sections.map((section, index) => (
        <section
          key={index}
          aria-label={section.title ?? intl.formatMessage({ id: 'kinds.interactive.options' })}
        >
          {section.title && (
            <h4 className="interactive__section" dir="auto">
              {section.title}
            </h4>
          )}
          <ul>
            {section.rows.map((row, rowIndex) => (
              <li key={rowIndex} className="interactive__row" dir="auto">
                <span>{row.title}</span>
                {row.description && <span className="muted">{row.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Commerce({ value }: { value: Interactive }) {
  const intl = useIntl();
  const product = value.product;
  const order = value.order;
  return (
    <>
      {product && (
        <div className="interactive__card">
          <strong dir="auto">
            🛍 {product.title ?? intl.formatMessage({ id: 'kinds.interactive.kind.product' })}
          </strong>
          {product.description && <span dir="auto">{product.description}</span>}
          {product.price !== null && <span>{money(intl, product.price, product.currency)}</span>}
        </div>
      )}
      {order && (
        <div className="interactive__card">
          <strong dir="auto">
            🧾 {order.title ?? intl.formatMessage({ id: 'kinds.interactive.kind.order' })}
          </strong>
          <span>
            {intl.formatMessage({ id: 'kinds.interactive.orderItems' }, { count: order.itemCount ?? 0 })}
            {order.total !== null &&
              ` · ${intl.formatMessage(
                { id: 'kinds.interactive.orderTotal' },
                { total: money(intl, order.total, order.currency) },
              )}`}
          </span>
          {order.note && <span dir="auto">{order.note}</span>}
        </div>
      )}
    </>
  );
}

/**
 * A business's interactive message or a reply to one, readable: what kind it is, its header,
 * body and footer, the buttons as chips, the list's sections and rows, a product or an order.
 */
export function InteractiveView({ message }: { message: Pick<Message, 'content' | 'interactive'> }) {
  const intl = useIntl();
  // The server parses `content` into `interactive` for every message it sends (message-rows.ts);
  // parsing it again here brought zod into the first screen's bundle (issue #23 target 7).
  const value = message.interactive;
  if (!value) return null;
  if (value.selected) {
    return (
      <div className="interactive interactive--reply">
        <span className="muted">{intl.formatMessage({ id: KIND_LABELS[value.kind] })}</span>
        <p dir="auto">
          {intl.formatMessage(
            { id: 'kinds.interactive.chose' },
            { option: value.selected.title ?? value.selected.id ?? '' },
          )}
        </p>
      </div>
    );
  }
  return (
    <div className="interactive">
      <span className="muted interactive__kind">{intl.formatMessage({ id: KIND_LABELS[value.kind] })}</span>
      {value.header && (
        <strong className="interactive__header" dir="auto">
          {value.header}
        </strong>
      )}
      {value.body && (
        <p className="interactive__body" dir="auto">
          {value.body}
        </p>
      )}
      <Commerce value={value} />
      {value.footer && (
        <span className="muted interactive__footer" dir="auto">
          {value.footer}
        </span>
      )}
      <Buttons value={value} />
      <List value={value} />
    </div>
  );
}
