/**
 * Interactive messages from businesses (buttons, lists, templates, native-flow, product and order
 * messages) and the answers to them, as the API, webhooks and the inbox see them: the message's
 * `content` holds this object (type `interactive`) and `Message.interactive` repeats it, typed.
 * Nothing here is clickable: Chatdock shows what the customer's business sent, and the options.
 */
import { z } from 'zod';

export const INTERACTIVE_KINDS = [
  'buttons',
  'list',
  'template',
  'native_flow',
  'product',
  'order',
  'button_reply',
  'list_reply',
] as const;
export type InteractiveKind = (typeof INTERACTIVE_KINDS)[number];

const buttonSchema = z.object({
  id: z.string().nullable().describe('The id the sender gave the button (what a reply names)'),
  title: z.string().describe('What the button says'),
  url: z.string().nullable().describe('URL buttons: where they lead'),
  phone: z.string().nullable().describe('Call buttons: the number they call'),
});
export type InteractiveButton = z.infer<typeof buttonSchema>;

const listRowSchema = z.object({
  id: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
});

const listSchema = z.object({
  button: z.string().nullable().describe('The label of the button that opens the list'),
  sections: z.array(z.object({ title: z.string().nullable(), rows: z.array(listRowSchema) })),
});
export type InteractiveList = z.infer<typeof listSchema>;

const productSchema = z.object({
  id: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  price: z.number().nullable().describe('In the currency unit (WhatsApp sends thousandths)'),
  currency: z.string().nullable().describe('ISO 4217 code'),
  retailerId: z.string().nullable(),
});

const orderSchema = z.object({
  id: z.string().nullable(),
  title: z.string().nullable(),
  itemCount: z.number().int().nullable(),
  total: z.number().nullable().describe('In the currency unit'),
  currency: z.string().nullable(),
  note: z.string().nullable().describe("The buyer's note"),
});

/** The option a reply chose (button and list replies). */
const selectionSchema = z.object({
  id: z.string().nullable().describe('The id of the chosen button or row'),
  title: z.string().nullable().describe('What it said'),
  description: z.string().nullable(),
});

export const interactiveSchema = z
  .object({
    kind: z.enum(INTERACTIVE_KINDS),
    header: z.string().nullable(),
    body: z.string().nullable(),
    footer: z.string().nullable(),
    buttons: z.array(buttonSchema).describe('Buttons, templates and native-flow messages'),
    list: listSchema.nullable(),
    product: productSchema.nullable(),
    order: orderSchema.nullable(),
    selected: selectionSchema.nullable().describe('Replies: what the customer chose'),
  })
  .meta({
    id: 'Interactive',
    example: {
      kind: 'list',
      header: null,
      body: 'Which branch?',
      footer: 'Open 9–18',
      buttons: [],
      list: {
        button: 'Choose',
        sections: [
          {
            title: 'Tel Aviv',
            rows: [{ id: 'tlv-1', title: 'Dizengoff', description: 'Dizengoff 50' }],
          },
        ],
      },
      product: null,
      order: null,
      selected: null,
    },
  });
export type Interactive = z.infer<typeof interactiveSchema>;

/** An empty interactive object of a kind, to fill in. */
export function interactiveOf(kind: InteractiveKind, fields: Partial<Interactive> = {}): Interactive {
  return {
    kind,
    header: null,
    body: null,
    footer: null,
    buttons: [],
    list: null,
    product: null,
    order: null,
    selected: null,
    ...fields,
  };
}

/**
 * Every word a person may search for, one part a line: header, body, footer, the options and
 * what a reply chose. Stored as the message's `text`, so the full-text index covers it.
 */
export function interactiveText(value: Interactive): string | null {
  const parts = [
    value.header,
    value.body,
    value.footer,
    ...value.buttons.map((b) => b.title),
    value.list?.button,
    ...(value.list?.sections ?? []).flatMap((s) => [
      s.title,
      ...s.rows.flatMap((r) => [r.title, r.description]),
    ]),
    value.product?.title,
    value.product?.description,
    value.order?.title,
    value.selected?.title,
    value.selected?.description,
  ];
  const text = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n');
  return text || null;
}

/** The interactive object of a stored message's content, or null when it is not one. */
export function readInteractive(content: Record<string, unknown> | null): Interactive | null {
  const parsed = interactiveSchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}
