/**
 * A number's own WhatsApp profile (issue #19): the name others see, the "about" text, the
 * profile photo and, for WhatsApp Business accounts, the business profile. Read live from
 * WhatsApp; a change is sent to WhatsApp (the name as an app-state patch the phone syncs) and
 * announced as `session.profile_updated`. REST (api/routes/number-profile.ts) validates with
 * the same schemas.
 */
import { z } from 'zod';
import { readSession, sessionField } from '../access.js';
import { mediaSourceSchema } from '../send-schemas.js';
import { op } from './operation.js';
import { sessionIdSchema } from './sessions.js';

/** WhatsApp's own limits: the app refuses longer names and about texts. */
export const PROFILE_LIMITS = {
  name: 25,
  about: 139,
  description: 512,
  address: 256,
  email: 128,
  websites: 2,
} as const;

const businessHoursDaySchema = z.object({
  day: z.string().describe('sun, mon, … as WhatsApp sends it'),
  mode: z.string().describe('open_24h, specific_hours, appointment_only or closed'),
  open: z.number().int().nullable().describe('Minutes after midnight (specific_hours)'),
  close: z.number().int().nullable(),
});

export const businessProfileSchema = z
  .object({
    description: z.string(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    websites: z.array(z.string()),
    category: z.string().nullable().describe('Set in the WhatsApp Business app; read only here'),
    hours: z
      .object({ timezone: z.string().nullable(), days: z.array(businessHoursDaySchema) })
      .nullable()
      .describe('Opening hours; read only here'),
  })
  .meta({
    id: 'BusinessProfile',
    example: {
      description: 'Falafel and fresh salads since 1998',
      address: '12 Herzl St, Tel Aviv',
      email: 'hello@falafel.example',
      websites: ['https://falafel.example'],
      category: 'Restaurant',
      hours: {
        timezone: 'Asia/Jerusalem',
        days: [{ day: 'sun', mode: 'specific_hours', open: 540, close: 1320 }],
      },
    },
  });
export type BusinessProfile = z.infer<typeof businessProfileSchema>;

export const numberProfileSchema = z
  .object({
    session: z.string(),
    jid: z.string().describe("The number's own WhatsApp id"),
    name: z.string().nullable().describe('The profile name others see (push name)'),
    about: z.string().nullable().describe('The "about" text; null when empty'),
    hasPicture: z.boolean().describe('Whether a profile photo is set (GET /contacts/{jid}/avatar shows it)'),
    business: businessProfileSchema.nullable().describe('Null for a personal (not Business) account'),
  })
  .meta({
    id: 'NumberProfile',
    example: {
      session: 'shop',
      jid: '972501234567@s.whatsapp.net',
      name: 'Falafel House',
      about: 'Open Sun–Thu 9:00–22:00',
      hasPicture: true,
      business: null,
    },
  });
export type NumberProfile = z.infer<typeof numberProfileSchema>;

export const PROFILE_FIELDS = ['name', 'about', 'picture', 'business'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** `session.profile_updated`: the profile after the change and which parts changed. */
export type NumberProfileEvent = NumberProfile & { changed: ProfileField[] };

const websiteSchema = z
  .string()
  .trim()
  .url('must be a URL')
  .refine((url) => /^https?:\/\//.test(url), 'must start with http:// or https://');

export const businessProfileUpdateSchema = z
  .object({
    description: z.string().trim().max(PROFILE_LIMITS.description).optional(),
    address: z.string().trim().max(PROFILE_LIMITS.address).optional(),
    email: z
      .union([z.literal(''), z.string().trim().email('must be an e-mail address').max(PROFILE_LIMITS.email)])
      .optional()
      .describe('"" clears it'),
    websites: z.array(websiteSchema).max(PROFILE_LIMITS.websites, 'at most 2 websites').optional(),
  })
  .strict();

const profileUpdateShape = {
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(PROFILE_LIMITS.name, `at most ${PROFILE_LIMITS.name} characters`)
    .optional(),
  about: z
    .string()
    .trim()
    .max(PROFILE_LIMITS.about, `at most ${PROFILE_LIMITS.about} characters`)
    .optional()
    .describe('"" clears it'),
  picture: mediaSourceSchema
    .nullable()
    .optional()
    .describe('A square-ish JPEG or PNG (WhatsApp crops it to a square); null removes the photo'),
  business: businessProfileUpdateSchema
    .optional()
    .describe('Business accounts only; changes the fields given'),
};

const nothingToChange = (input: Record<string, unknown>) =>
  PROFILE_FIELDS.some((field) => input[field] !== undefined);
const NOTHING_MESSAGE = { message: 'give at least one of name, about, picture, business' };

export const profileUpdateSchema = z
  .object(profileUpdateShape)
  .strict()
  .refine(nothingToChange, NOTHING_MESSAGE)
  .meta({
    id: 'NumberProfileUpdate',
    example: {
      name: 'Falafel House',
      about: 'Open Sun–Thu 9:00–22:00',
      business: { websites: ['https://falafel.example'] },
    },
  });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

const bySession = z.object({ session: sessionIdSchema }).strict();

export const numberProfileOperations = {
  /** The number's own profile, read from WhatsApp (the number must be connected). */
  'numberProfile.get': op<NumberProfile>()(bySession, readSession),
  'numberProfile.update': op<NumberProfile>()(
    z
      .object({ session: sessionIdSchema, ...profileUpdateShape })
      .strict()
      .refine(nothingToChange, NOTHING_MESSAGE),
    { scope: 'sessions:manage', session: sessionField },
  ),
};
