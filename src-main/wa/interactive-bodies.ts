/**
 * Businesses' interactive messages (buttons, lists, templates, native-flow, product, order) and
 * the replies to them → `Interactive` (src-shared/interactive.ts). Pure functions, unit-tested
 * through `mapMessage` (message-mapping.test.ts). The text is every readable part, so search
 * finds a message by a button's title too.
 */
import type { proto } from '@whiskeysockets/baileys';
import {
  interactiveOf,
  interactiveText,
  type Interactive,
  type InteractiveButton,
  type InteractiveList,
} from '../../src-shared/interactive.js';
import type { Body } from './message-bodies.js';

type Long = { toString(): string };
type Mapper = (message: proto.IMessage) => Body | null;

const str = (value: string | null | undefined): string | null => (value ? value : null);

/** WhatsApp's prices are thousandths of the currency unit. */
function amount(thousandths: number | Long | null | undefined): number | null {
  if (thousandths === null || thousandths === undefined) return null;
  return Number(thousandths.toString()) / 1000;
}

function button(
  title: string | null | undefined,
  fields: Partial<InteractiveButton> = {},
): InteractiveButton {
  return { id: null, url: null, phone: null, ...fields, title: title ?? '' };
}

function interactiveBody(value: Interactive, contextInfo: proto.IContextInfo | null | undefined): Body {
  return {
    type: 'interactive',
    text: interactiveText(value),
    media: null,
    content: value as unknown as Record<string, unknown>,
    contextInfo,
  };
}

function parseJson(json: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? '');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const field = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** A native-flow `single_select` button's sections, as a list. */
function selectList(params: Record<string, unknown>): InteractiveList {
  const sections = Array.isArray(params.sections) ? (params.sections as Record<string, unknown>[]) : [];
  return {
    button: field(params.title),
    sections: sections.map((section) => ({
      title: field(section.title),
      rows: (Array.isArray(section.rows) ? (section.rows as Record<string, unknown>[]) : []).map((row) => ({
        id: field(row.id),
        title: field(row.title) ?? field(row.header) ?? '',
        description: field(row.description),
      })),
    })),
  };
}

/** Native-flow buttons (`quick_reply`, `cta_url`, `cta_call`, `cta_copy`, `single_select`, …). */
function nativeFlow(buttons: proto.Message.InteractiveMessage.NativeFlowMessage.INativeFlowButton[]): {
  buttons: InteractiveButton[];
  list: InteractiveList | null;
} {
  let list: InteractiveList | null = null;
  const out: InteractiveButton[] = [];
  for (const b of buttons) {
    const params = parseJson(b.buttonParamsJson);
    if (b.name === 'single_select') {
      list = selectList(params);
      continue;
    }
    out.push(
      button(field(params.display_text) ?? field(params.title) ?? b.name, {
        id: field(params.id),
        url: field(params.url),
        phone: field(params.phone_number),
      }),
    );
  }
  return { buttons: out, list };
}

function interactiveMessage(m: proto.Message.IInteractiveMessage, kind: Interactive['kind']): Interactive {
  const flow = nativeFlow(m.nativeFlowMessage?.buttons ?? []);
  return interactiveOf(kind, {
    header: str(m.header?.title) ?? str(m.header?.subtitle),
    body: str(m.body?.text),
    footer: str(m.footer?.text),
    buttons: flow.buttons,
    list: flow.list,
  });
}

function templateButtons(buttons: proto.IHydratedTemplateButton[]): InteractiveButton[] {
  return buttons.map((b) => {
    if (b.urlButton) return button(b.urlButton.displayText, { url: str(b.urlButton.url) });
    if (b.callButton) return button(b.callButton.displayText, { phone: str(b.callButton.phoneNumber) });
    return button(b.quickReplyButton?.displayText, { id: str(b.quickReplyButton?.id) });
  });
}

function template(m: proto.Message.ITemplateMessage): Interactive {
  const hydrated = m.hydratedTemplate ?? m.hydratedFourRowTemplate;
  if (!hydrated && m.interactiveMessageTemplate)
    return interactiveMessage(m.interactiveMessageTemplate, 'template');
  return interactiveOf('template', {
    header: str(hydrated?.hydratedTitleText),
    body: str(hydrated?.hydratedContentText),
    footer: str(hydrated?.hydratedFooterText),
    buttons: templateButtons(hydrated?.hydratedButtons ?? []),
  });
}

function buttons(m: proto.Message.IButtonsMessage): Interactive {
  return interactiveOf('buttons', {
    header: str(m.text),
    body: str(m.contentText),
    footer: str(m.footerText),
    buttons: (m.buttons ?? []).map((b) =>
      button(b.buttonText?.displayText ?? b.nativeFlowInfo?.name, { id: str(b.buttonId) }),
    ),
  });
}

function list(m: proto.Message.IListMessage): Interactive {
  return interactiveOf('list', {
    header: str(m.title),
    body: str(m.description),
    footer: str(m.footerText),
    list: {
      button: str(m.buttonText),
      sections: (m.sections ?? []).map((s) => ({
        title: str(s.title),
        rows: (s.rows ?? []).map((r) => ({
          id: str(r.rowId),
          title: r.title ?? '',
          description: str(r.description),
        })),
      })),
    },
  });
}

function product(m: proto.Message.IProductMessage): Interactive {
  const p = m.product;
  return interactiveOf('product', {
    body: str(m.body),
    footer: str(m.footer),
    product: {
      id: str(p?.productId),
      title: str(p?.title),
      description: str(p?.description),
      price: amount(p?.priceAmount1000),
      currency: str(p?.currencyCode),
      retailerId: str(p?.retailerId),
    },
  });
}

function order(m: proto.Message.IOrderMessage): Interactive {
  return interactiveOf('order', {
    order: {
      id: str(m.orderId),
      title: str(m.orderTitle),
      itemCount: m.itemCount ?? null,
      total: amount(m.totalAmount1000),
      currency: str(m.totalCurrencyCode),
      note: str(m.message),
    },
  });
}

function selected(
  id: string | null | undefined,
  title: string | null | undefined,
  description?: string | null,
) {
  return { id: str(id), title: str(title), description: str(description) };
}

/** Mappers by content type, merged into message-bodies' table. */
export const INTERACTIVE_MAPPERS: Record<string, Mapper> = {
  buttonsMessage: (m) =>
    m.buttonsMessage ? interactiveBody(buttons(m.buttonsMessage), m.buttonsMessage.contextInfo) : null,
  listMessage: (m) =>
    m.listMessage ? interactiveBody(list(m.listMessage), m.listMessage.contextInfo) : null,
  templateMessage: (m) =>
    m.templateMessage ? interactiveBody(template(m.templateMessage), m.templateMessage.contextInfo) : null,
  interactiveMessage: (m) =>
    m.interactiveMessage
      ? interactiveBody(
          interactiveMessage(m.interactiveMessage, 'native_flow'),
          m.interactiveMessage.contextInfo,
        )
      : null,
  productMessage: (m) =>
    m.productMessage ? interactiveBody(product(m.productMessage), m.productMessage.contextInfo) : null,
  orderMessage: (m) =>
    m.orderMessage ? interactiveBody(order(m.orderMessage), m.orderMessage.contextInfo) : null,
  buttonsResponseMessage: (m) => {
    const r = m.buttonsResponseMessage;
    if (!r) return null;
    const value = interactiveOf('button_reply', {
      selected: selected(r.selectedButtonId, r.selectedDisplayText),
    });
    return interactiveBody(value, r.contextInfo);
  },
  templateButtonReplyMessage: (m) => {
    const r = m.templateButtonReplyMessage;
    if (!r) return null;
    const value = interactiveOf('button_reply', { selected: selected(r.selectedId, r.selectedDisplayText) });
    return interactiveBody(value, r.contextInfo);
  },
  listResponseMessage: (m) => {
    const r = m.listResponseMessage;
    if (!r) return null;
    const value = interactiveOf('list_reply', {
      selected: selected(r.singleSelectReply?.selectedRowId, r.title, r.description),
    });
    return interactiveBody(value, r.contextInfo);
  },
  interactiveResponseMessage: (m) => {
    const r = m.interactiveResponseMessage;
    if (!r) return null;
    const params = parseJson(r.nativeFlowResponseMessage?.paramsJson);
    const id = field(params.id) ?? field(params.selectedRowId);
    const kind = r.nativeFlowResponseMessage?.name === 'single_select' ? 'list_reply' : 'button_reply';
    const value = interactiveOf(kind, { selected: selected(id, r.body?.text ?? field(params.title)) });
    return interactiveBody(value, r.contextInfo);
  },
};
