/**
 * Interactive messages as a business's WhatsApp sends them (Baileys' sendMessage no longer builds
 * them), for a `Customer` to `relay`: buttons, list, template, native flow, product, order, and
 * the replies. Used by the integration tests and the e2e inbox spec.
 */
import type { proto } from '@whiskeysockets/baileys';

export const BUSINESS_MESSAGES = {
  buttons: {
    buttonsMessage: {
      contentText: 'Confirm your table for 8pm?',
      footerText: 'Café Dizengoff',
      headerType: 1,
      buttons: [
        { buttonId: 'yes', buttonText: { displayText: 'Confirm' }, type: 1 },
        { buttonId: 'no', buttonText: { displayText: 'Cancel' }, type: 1 },
      ],
    },
  },
  list: {
    listMessage: {
      title: 'Our branches',
      description: 'Which branch should we deliver from?',
      buttonText: 'Choose a branch',
      footerText: 'Open 9–18',
      listType: 1,
      sections: [
        {
          title: 'North',
          rows: [
            { rowId: 'haifa', title: 'Haifa', description: 'Port market' },
            { rowId: 'akko', title: 'Akko', description: 'Old city' },
          ],
        },
        { title: 'Center', rows: [{ rowId: 'tlv', title: 'Tel Aviv', description: 'Dizengoff 50' }] },
      ],
    },
  },
  template: {
    templateMessage: {
      hydratedTemplate: {
        hydratedTitleText: 'Order 1042',
        hydratedContentText: 'Your order has shipped',
        hydratedFooterText: 'Thank you',
        hydratedButtons: [
          { index: 0, urlButton: { displayText: 'Track parcel', url: 'https://shop.example/t/1042' } },
          { index: 1, quickReplyButton: { displayText: 'Got it', id: 'ack' } },
        ],
      },
    },
  },
  nativeFlow: {
    interactiveMessage: {
      body: { text: 'Need anything else?' },
      footer: { text: 'Support' },
      nativeFlowMessage: {
        buttons: [
          {
            name: 'quick_reply',
            buttonParamsJson: JSON.stringify({ display_text: 'Talk to us', id: 'agent' }),
          },
          {
            name: 'cta_copy',
            buttonParamsJson: JSON.stringify({ display_text: 'Copy code', copy_code: 'SAVE10' }),
          },
        ],
      },
    },
  },
  product: {
    productMessage: {
      product: {
        productId: 'sourdough-1',
        title: 'Sourdough loaf',
        description: 'Baked this morning',
        currencyCode: 'ILS',
        priceAmount1000: 32_500,
        retailerId: 'SKU-77',
        productImageCount: 0,
      },
      businessOwnerJid: '972500000000@s.whatsapp.net',
      body: 'Fresh today',
    },
  },
  order: {
    orderMessage: {
      orderId: 'order-88',
      itemCount: 3,
      status: 1,
      surface: 1,
      orderTitle: 'Weekend order',
      message: 'No nuts please',
      totalAmount1000: 97_000,
      totalCurrencyCode: 'ILS',
    },
  },
  buttonReply: {
    buttonsResponseMessage: { selectedButtonId: 'yes', selectedDisplayText: 'Confirm', type: 1 },
  },
  listReply: {
    listResponseMessage: {
      title: 'Haifa',
      description: 'Port market',
      listType: 1,
      singleSelectReply: { selectedRowId: 'haifa' },
    },
  },
} satisfies Record<string, proto.IMessage>;
