/**
 * Automation per number (greeting, away message, keyword rules, a menu bot, default reply) and
 * its per-chat state. The REST routes (api/routes/automation.ts) validate with the same schemas.
 * Texts are the owner's own: spintax `{Hi|Hello}` picks a variant, `[name]`, `[first_name]`,
 * `[phone]`, `[time]` and `[opens_at]` are filled in; any other `[word]` is sent as typed (with a
 * warning in the editor).
 */
import { z } from 'zod';
import { readChat, sendInChat, sessionField } from '../access.js';
import { regexProblem, spintaxProblem } from '../automation-text.js';
import { exampleOf } from '../examples.js';
import { weeklyHoursSchema } from '../widget.js';
import { op } from './operation.js';
import { timeZoneSchema } from './schedule.js';
import { sessionIdSchema } from './sessions.js';

/** A text sent to customers: at most 4,096 characters, with balanced spintax braces. */
const messageText = (what: string) =>
  z
    .string()
    .max(4096)
    .superRefine((text, ctx) => {
      const problem = spintaxProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(what);

/** A switched-on message must say something; a switched-off one may stay empty. */
function requireTextWhenEnabled(value: { enabled: boolean; text: string }, ctx: z.RefinementCtx): void {
  if (value.enabled && value.text.trim() === '')
    ctx.addIssue({ code: 'custom', path: ['text'], message: 'must not be empty when switched on' });
}

const greetingSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    text: messageText('Sent to a customer’s first message').default(''),
    afterDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(0)
      .describe('Also greet again after this many days of silence; 0 greets only the very first message'),
  })
  .superRefine(requireTextWhenEnabled);

const awaySchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    text: messageText('Sent outside business hours').default(''),
    everyHours: z
      .number()
      .int()
      .min(1)
      .max(168)
      .default(6)
      .describe('At most once per chat in this many hours'),
  })
  .superRefine(requireTextWhenEnabled);

const defaultReplySchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    text: messageText('Sent when no keyword rule matches').default(''),
  })
  .superRefine(requireTextWhenEnabled);

export const KEYWORD_MATCHES = ['exact', 'contains', 'startsWith', 'regex'] as const;
export type KeywordMatch = (typeof KEYWORD_MATCHES)[number];

export const keywordRuleSchema = z
  .strictObject({
    id: z.string().min(1).max(40).describe('Chosen by the editor; names the rule in state and logs'),
    name: z.string().trim().min(1).max(80).describe('Shown as "Automation: <name>" on what it sends'),
    enabled: z.boolean().default(true),
    match: z
      .enum(KEYWORD_MATCHES)
      .describe(
        'exact: the whole message; contains: whole words anywhere; startsWith: the first words; regex: a JavaScript pattern. Case and accents are ignored.',
      ),
    patterns: z.array(z.string().trim().min(1).max(200)).min(1).max(20).describe('Any of them matches'),
    reply: messageText('The answer (spintax and placeholders allowed)').default(''),
    savedReplyId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .default(null)
      .describe('A saved reply (text and/or media) sent after the reply text'),
    addTag: z.string().min(1).max(64).nullable().default(null).describe('A tag id to put on the chat'),
    assign: z
      .strictObject({
        user: z.string().min(1).max(64).nullable().default(null).describe('A person id'),
        team: z.string().min(1).max(64).nullable().default(null).describe('A team id'),
      })
      .refine((target) => target.user !== null || target.team !== null, {
        message: 'needs a person or a team',
      })
      .nullable()
      .default(null)
      .describe('Assign the chat to a person and/or a team (reason `rule:<id>` on `chat.assigned`)'),
    webhookId: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .default(null)
      .describe(
        'A webhook (Settings → Webhooks) sent an `automation.rule_matched` event with the message: only that ' +
          'webhook, signed and retried like every delivery; its answer `{"reply": "…"}` is sent to the customer',
      ),
    stop: z.boolean().default(false).describe('Stop automation in this chat (until resumed)'),
  })
  .superRefine((rule, ctx) => {
    if (rule.match === 'regex')
      rule.patterns.forEach((pattern, index) => {
        const problem = regexProblem(pattern);
        if (problem) ctx.addIssue({ code: 'custom', path: ['patterns', index], message: problem });
      });
    if (
      rule.reply.trim() === '' &&
      !rule.savedReplyId &&
      !rule.addTag &&
      !rule.assign &&
      !rule.webhookId &&
      !rule.stop
    )
      ctx.addIssue({
        code: 'custom',
        path: ['reply'],
        message:
          'must not be empty (or the rule must send a saved reply, add a tag, assign the chat, call a webhook or stop the bot)',
      });
  });
export type KeywordRule = z.output<typeof keywordRuleSchema>;

const optionKey = z
  .string()
  .regex(/^[1-9]$/, 'must be a digit from 1 to 9 (0 goes back)')
  .describe('What the customer types to pick it');

/** Checks an option leads somewhere and the keys of one level are unique. */
function checkOptions(
  options: readonly MenuOptionShape[],
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.key))
      ctx.addIssue({ code: 'custom', path: [...path, index, 'key'], message: 'is used by another option' });
    seen.add(option.key);
    if (option.reply.trim() === '' && !option.handover && (option.options?.length ?? 0) === 0)
      ctx.addIssue({
        code: 'custom',
        path: [...path, index, 'reply'],
        message: 'needs a target: a reply, a sub-menu or a handover to a person',
      });
  });
}

interface MenuOptionShape {
  key: string;
  reply: string;
  handover: boolean;
  options?: readonly MenuOptionShape[];
}

const leafFields = {
  key: optionKey,
  label: z.string().trim().min(1).max(100),
  reply: messageText('Sent when picked').default(''),
  handover: z.boolean().default(false).describe('Leave the menu and pause automation so a person answers'),
};

const subOptionSchema = z.strictObject(leafFields);

export const menuOptionSchema = z
  .strictObject({
    ...leafFields,
    options: z.array(subOptionSchema).max(9).default([]).describe('A sub-menu (one level deep)'),
  })
  .superRefine((option, ctx) => checkOptions(option.options, ctx, ['options']));
export type MenuOption = z.output<typeof menuOptionSchema>;
export type MenuSubOption = z.output<typeof subOptionSchema>;

const menuSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    text: messageText('Shown above the numbered options').default(''),
    backLabel: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .nullable()
      .default(null)
      .describe('The label of "0" in sub-menus; null: "Back" in the automation\'s language'),
    timeoutMinutes: z.number().int().min(1).max(1440).default(30).describe('A quiet chat leaves the menu'),
    options: z.array(menuOptionSchema).max(9).default([]),
  })
  .superRefine((menu, ctx) => {
    checkOptions(menu.options, ctx, ['options']);
    if (menu.enabled && menu.options.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'must have at least one option when switched on',
      });
  });

const switchesSchema = z.strictObject({
  replyInGroups: z.boolean().default(false),
  replyToUnread: z
    .boolean()
    .default(true)
    .describe('Answer chats that already had unread messages before this one'),
  audience: z
    .enum(['everyone', 'contacts', 'unknown'])
    .default('everyone')
    .describe('contacts: saved contacts only'),
  ignoreNumbers: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s()-]{7,24}$/, 'must be a phone number'),
    )
    .max(500)
    .default([])
    .describe('Never answered automatically'),
});

export const automationSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(false).describe('The master switch for this number'),
    timeZone: timeZoneSchema.default('UTC').describe('IANA zone the hours and [time] are in'),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or pt-BR')
      .default('en')
      .describe('Formats [time] and [opens_at]; words the menu\'s "Back" when it is null'),
    hours: weeklyHoursSchema.default({}).describe('Business hours; none on any day means always open'),
    closedDates: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'))
      .max(366)
      .default([])
      .describe('Holidays: closed all day (local dates)'),
    greeting: greetingSchema.default({ enabled: false, text: '', afterDays: 0 }),
    away: awaySchema.default({ enabled: false, text: '', everyHours: 6 }),
    defaultReply: defaultReplySchema.default({ enabled: false, text: '' }),
    rules: z.array(keywordRuleSchema).max(200).default([]),
    menu: menuSchema.default({
      enabled: false,
      text: '',
      backLabel: null,
      timeoutMinutes: 30,
      options: [],
    }),
    switches: switchesSchema.default({
      replyInGroups: false,
      replyToUnread: true,
      audience: 'everyone',
      ignoreNumbers: [],
    }),
    pauseHours: z.number().int().min(1).max(720).default(12).describe('Pause after staff or the API replies'),
    maxPerChatPerHour: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(5)
      .describe('Loop guard: automatic messages per chat'),
    typingDelay: z.boolean().default(true).describe('Show "typing…" for 1–3 s before each message'),
  })
  .meta({
    id: 'AutomationSettings',
    example: {
      enabled: true,
      timeZone: 'Europe/Lisbon',
      language: 'pt-PT',
      hours: { MO: [{ availableFrom: '09:00:00', availableUntil: '18:00:00' }] },
      closedDates: ['2026-12-25'],
      greeting: { enabled: true, text: '{Hi|Hello} [first_name]! Welcome to Falafel House.', afterDays: 30 },
      away: { enabled: true, text: 'We are closed now; we open again [opens_at].', everyHours: 6 },
      defaultReply: { enabled: false, text: '' },
      rules: [
        {
          id: 'prices',
          name: 'Prices',
          enabled: true,
          match: 'contains',
          patterns: ['price', 'menu'],
          reply: 'Our prices: https://falafel.example/menu',
          savedReplyId: null,
          addTag: null,
          stop: false,
        },
      ],
      menu: {
        enabled: true,
        text: 'How can we help?',
        backLabel: null,
        timeoutMinutes: 30,
        options: [
          { key: '1', label: 'Opening hours', reply: 'Every day 9–18.', handover: false, options: [] },
          {
            key: '2',
            label: 'Talk to a person',
            reply: 'A person will answer soon.',
            handover: true,
            options: [],
          },
        ],
      },
      switches: { replyInGroups: false, replyToUnread: true, audience: 'everyone', ignoreNumbers: [] },
      pauseHours: 12,
      maxPerChatPerHour: 5,
      typingDelay: true,
    },
  });
export type AutomationSettings = z.output<typeof automationSettingsSchema>;
export type AutomationSettingsInput = z.input<typeof automationSettingsSchema>;

export const automationWarningSchema = z.object({
  field: z.string(),
  code: z.enum(['unknown_placeholder']).describe('Stable: what the warning is about (for translation)'),
  params: z.object({ placeholder: z.string() }).describe("The code's arguments: the placeholder's name"),
  message: z.string().describe('The same in English'),
});
export type AutomationWarning = z.infer<typeof automationWarningSchema>;

export const automationViewSchema = z
  .object({
    session: z.string(),
    settings: automationSettingsSchema,
    warnings: z.array(automationWarningSchema).describe('Unknown placeholders, kept as typed'),
    openNow: z.boolean().describe('Inside business hours right now'),
    nextOpening: z.string().nullable().describe('UTC ISO-8601 of the next opening while closed'),
    updatedAt: z.string().nullable(),
  })
  .meta({
    id: 'Automation',
    example: {
      session: 'shop',
      settings: exampleOf(automationSettingsSchema),
      warnings: [
        {
          field: 'rules.0.reply',
          code: 'unknown_placeholder',
          params: { placeholder: 'order_id' },
          message: '[order_id] is not a known placeholder and is sent as typed',
        },
      ],
      openNow: false,
      nextOpening: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-05T11:00:00.000Z',
    },
  });
export type AutomationView = z.infer<typeof automationViewSchema>;

export const AUTOMATION_REPLY_KINDS = ['greeting', 'away', 'keyword', 'menu', 'default'] as const;
export type AutomationReplyKind = (typeof AUTOMATION_REPLY_KINDS)[number];

export const automationReplySchema = z.object({
  kind: z.enum(AUTOMATION_REPLY_KINDS),
  rule: z.string().describe('The rule or part that fires, as shown in "Automation: <rule>"'),
  text: z.string().describe('Exactly what is (or would be) sent (a saved reply: its text, the caption)'),
  savedReplyId: z.string().optional().describe('Set when a saved reply is sent'),
  media: z.enum(['image', 'video', 'document', 'audio']).optional().describe("The saved reply's media"),
});
export type AutomationReply = z.infer<typeof automationReplySchema>;

export const automationTestInputSchema = z
  .strictObject({
    text: z.string().min(1).max(4096).describe('What the pretend customer writes'),
    at: z.iso.datetime({ offset: true }).optional().describe('When they write it; default now'),
    name: z.string().trim().max(100).default('Dana Cohen').describe('Their WhatsApp name'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?\d{7,15}$/, 'must be a phone number')
      .default('+972501234567'),
    firstMessage: z.boolean().default(true).describe('Their first message ever (the greeting applies)'),
    menuPath: z
      .array(z.string().regex(/^[1-9]$/))
      .max(1)
      .nullable()
      .default(null)
      .describe('Where they are in the menu: null outside it, [] at the top, ["2"] in option 2'),
  })
  .meta({
    example: { text: 'Hola, ¿qué PRECIOS tienen?', at: '2026-12-07T21:30:00+01:00', firstMessage: true },
  });
export type AutomationTestInput = z.output<typeof automationTestInputSchema>;

export const automationTestResultSchema = z
  .object({
    openNow: z.boolean().describe('Inside business hours at `at`'),
    replies: z
      .array(automationReplySchema)
      .describe('In the order they would be sent; empty when nothing fires'),
    actions: z.object({ addTag: z.string().nullable(), stop: z.boolean(), handover: z.boolean() }),
    menuPath: z.array(z.string()).nullable().describe('Where the chat is in the menu afterwards'),
    skipped: z.string().nullable().describe('Why nothing is sent (automation off, …), or null'),
    skippedReason: z
      .enum(['automation_off'])
      .nullable()
      .describe('`skipped` as a stable code (for translation), or null'),
  })
  .meta({
    id: 'AutomationTestResult',
    example: {
      openNow: false,
      replies: [{ kind: 'keyword', rule: 'Prices', text: 'Our prices: https://falafel.example/menu' }],
      actions: { addTag: null, stop: false, handover: false },
      menuPath: null,
      skipped: null,
      skippedReason: null,
    },
  });
export type AutomationTestResult = z.infer<typeof automationTestResultSchema>;

export const automationChatStateSchema = z
  .object({
    session: z.string(),
    chat: z.string(),
    pausedUntil: z.string().nullable().describe('UTC ISO-8601: automation is quiet here until then'),
    pauseReason: z.enum(['staff', 'handover']).nullable(),
    stopped: z.boolean().describe('A rule stopped the bot here (until resumed)'),
    menuPath: z.array(z.string()).nullable(),
  })
  .meta({
    id: 'AutomationChatState',
    example: {
      session: 'shop',
      chat: '972501234567@s.whatsapp.net',
      pausedUntil: '2026-12-07T21:30:00.000Z',
      pauseReason: 'staff',
      stopped: false,
      menuPath: null,
    },
  });
export type AutomationChatState = z.infer<typeof automationChatStateSchema>;

/**
 * Data of `automation.rule_matched`: a keyword rule that calls a webhook matched a customer's
 * message. Delivered to that one webhook only (`webhookId`), whatever events it subscribes to.
 */
export interface AutomationRuleMatchedEvent {
  webhookId: string;
  chat: string;
  rule: { id: string; name: string };
  message: { id: string; from: string | null; senderName: string | null; text: string };
}

/** Data of `automation.replied`: one automatic message, sent and stored. */
export interface AutomationRepliedEvent {
  chat: string;
  messageId: string;
  kind: AutomationReplyKind;
  rule: string;
  /** "Automation: <rule>", as the conversation shows the sender. */
  actor: string;
  text: string;
}

const bySession = z.strictObject({ session: sessionIdSchema });
const manage = { scope: 'sessions:manage', session: sessionField } as const;
const byChat = bySession.extend({ chat: z.string().min(3).max(200) });

export const automationOperations = {
  'automation.get': op<AutomationView>()(bySession, manage),
  'automation.update': op<AutomationView>()(bySession.extend({ settings: automationSettingsSchema }), manage),
  /** Which rule fires for a pretend message and what it sends; nothing is sent. */
  'automation.test': op<AutomationTestResult>()(
    bySession.extend({ input: automationTestInputSchema }),
    manage,
  ),
  // The chat is checked too: an "assigned" reader sees and resumes only their own chats.
  'automation.chatState': op<AutomationChatState>()(byChat, readChat),
  'automation.resume': op<AutomationChatState>()(byChat, sendInChat),
  /** Which of the chat's recent messages automation sent, and under which rule ("Automation: <rule>"). */
  'automation.senders': op<{ messageId: string; rule: string }[]>()(byChat, readChat),
};
