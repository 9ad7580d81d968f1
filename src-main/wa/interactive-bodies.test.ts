import type { proto, WAMessage } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { mapMessage, type MessageRecord } from './message-mapping.js';

const CUSTOMER = '972501111111@s.whatsapp.net';

function record(message: proto.IMessage | undefined, key: Partial<WAMessage['key']> = {}): MessageRecord {
  const mapped = mapMessage(
    {
      key: { remoteJid: CUSTOMER, fromMe: false, id: 'ABC123', ...key },
      messageTimestamp: 1_700_000_000,
      message,
    } as WAMessage,
    null,
  );
  if (mapped.kind !== 'message') throw new Error(`not a message: ${mapped.kind}`);
  return mapped.record;
}

describe('interactive messages', () => {
  it('stores a buttons message with its body, footer and button titles, searchable', () => {
    const r = record({
      buttonsMessage: {
        contentText: 'Confirm your table for 8pm?',
        footerText: 'Café Dizengoff',
        buttons: [
          { buttonId: 'yes', buttonText: { displayText: 'Confirm' } },
          { buttonId: 'no', buttonText: { displayText: 'Cancel' } },
        ],
      },
    });
    expect(r.type).toBe('interactive');
    expect(r.content).toMatchObject({
      kind: 'buttons',
      body: 'Confirm your table for 8pm?',
      footer: 'Café Dizengoff',
      buttons: [
        { id: 'yes', title: 'Confirm' },
        { id: 'no', title: 'Cancel' },
      ],
    });
    expect(r.text).toBe('Confirm your table for 8pm?\nCafé Dizengoff\nConfirm\nCancel');
  });

  it('stores a list with its sections and rows', () => {
    const r = record({
      listMessage: {
        title: 'Branches',
        description: 'Which one?',
        buttonText: 'Choose',
        sections: [{ title: 'North', rows: [{ rowId: 'hf', title: 'Haifa', description: 'Port' }] }],
      },
    });
    expect(r.content).toMatchObject({
      kind: 'list',
      header: 'Branches',
      body: 'Which one?',
      list: {
        button: 'Choose',
        sections: [{ title: 'North', rows: [{ id: 'hf', title: 'Haifa', description: 'Port' }] }],
      },
    });
  });

  it('stores a template with quick-reply, URL and call buttons', () => {
    const r = record({
      templateMessage: {
        hydratedTemplate: {
          hydratedTitleText: 'Order 1042',
          hydratedContentText: 'Shipped today',
          hydratedButtons: [
            { quickReplyButton: { displayText: 'Thanks', id: 'ty' } },
            { urlButton: { displayText: 'Track', url: 'https://example.test/t/1042' } },
            { callButton: { displayText: 'Call us', phoneNumber: '+972500000001' } },
          ],
        },
      },
    });
    expect(r.content).toMatchObject({
      kind: 'template',
      header: 'Order 1042',
      buttons: [
        { title: 'Thanks', id: 'ty' },
        { title: 'Track', url: 'https://example.test/t/1042' },
        { title: 'Call us', phone: '+972500000001' },
      ],
    });
  });

  it('opens a native-flow message wrapped like view-once media, with a single-select list', () => {
    const r = record({
      viewOnceMessage: {
        message: {
          interactiveMessage: {
            body: { text: 'Pick a size' },
            nativeFlowMessage: {
              buttons: [
                { name: 'quick_reply', buttonParamsJson: JSON.stringify({ display_text: 'Help', id: 'h' }) },
                {
                  name: 'single_select',
                  buttonParamsJson: JSON.stringify({
                    title: 'Sizes',
                    sections: [{ title: 'All', rows: [{ id: 's', title: 'Small' }] }],
                  }),
                },
              ],
            },
          },
        },
      },
    });
    expect(r.type).toBe('interactive');
    expect(r.content).toMatchObject({
      kind: 'native_flow',
      body: 'Pick a size',
      buttons: [{ id: 'h', title: 'Help' }],
      list: { button: 'Sizes', sections: [{ title: 'All', rows: [{ id: 's', title: 'Small' }] }] },
    });
  });

  it('stores a product with its price and an order with its item count and total', () => {
    const product = record({
      productMessage: {
        product: { productId: 'p1', title: 'Sourdough', currencyCode: 'ILS', priceAmount1000: 32_500 },
        body: 'Fresh today',
      },
    });
    expect(product.content).toMatchObject({
      kind: 'product',
      body: 'Fresh today',
      product: { id: 'p1', title: 'Sourdough', price: 32.5, currency: 'ILS' },
    });
    const order = record({
      orderMessage: {
        orderId: 'o1',
        itemCount: 3,
        totalAmount1000: 97_000,
        totalCurrencyCode: 'ILS',
        message: 'No nuts',
      },
    });
    expect(order.content).toMatchObject({
      kind: 'order',
      order: { id: 'o1', itemCount: 3, total: 97, currency: 'ILS', note: 'No nuts' },
    });
  });

  it('stores button and list replies with what the customer chose', () => {
    const button = record({
      buttonsResponseMessage: { selectedButtonId: 'yes', selectedDisplayText: 'Confirm' },
    });
    expect(button.content).toMatchObject({ kind: 'button_reply', selected: { id: 'yes', title: 'Confirm' } });
    expect(button.text).toBe('Confirm');
    const list = record({
      listResponseMessage: {
        title: 'Haifa',
        singleSelectReply: { selectedRowId: 'hf' },
        description: 'Port',
      },
    });
    expect(list.content).toMatchObject({ kind: 'list_reply', selected: { id: 'hf', title: 'Haifa' } });
  });
});

describe('view-once media', () => {
  it('stores the placeholder linked devices get as a marker without media', () => {
    const r = record(undefined, { isViewOnce: true });
    expect(r).toMatchObject({ type: 'viewOnce', media: null, text: null, content: { mediaKind: null } });
  });

  it('keeps the kind but never the file or caption when the content is there', () => {
    const r = record({
      viewOnceMessageV2: {
        message: { imageMessage: { caption: 'secret', mimetype: 'image/jpeg', viewOnce: true } },
      },
    });
    expect(r).toMatchObject({ type: 'viewOnce', media: null, text: null, content: { mediaKind: 'image' } });
  });
});
