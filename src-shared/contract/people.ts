/**
 * Staff accounts: people and their roles, teams, per-number permissions, the person's own
 * sign-in sessions and personal tokens, and the audit log (issue #15). The REST routes under
 * /api/v1/users, /teams, /sessions/{id}/permissions, /auth and /audit are thin adapters onto
 * these operations (src-main/api/routes/people.ts).
 */
import { z } from 'zod';
import { exampleOf } from '../examples.js';
import { SCOPES } from './keys.js';
import { confirmationFields } from './confirmation.js';
import { moveChatsField, type OpenChats } from './chat-handover.js';
import { op } from './operation.js';
import { sessionField, type Access } from '../access.js';

export const USER_ROLES = ['owner', 'admin', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** What a person may read on a number: every chat, only chats assigned to them or their teams, or none. */
export const READ_LEVELS = ['all', 'assigned', 'none'] as const;
export type ReadLevel = (typeof READ_LEVELS)[number];

import { MIN_PASSWORD_LENGTH } from './constants/people.js';

export { MIN_PASSWORD_LENGTH };

/** Who did something: on events, webhooks, messages sent from Chatdock and the audit log. */
export const actorSchema = z
  .object({
    type: z.enum(['user', 'key', 'system', 'desktop']),
    id: z.string().nullable().describe('The person or key id; null for the system and the desktop'),
    name: z.string().describe('As shown: the person\'s name, "API: crm", "Campaign: Hanukkah"'),
  })
  .meta({ id: 'Actor', example: { type: 'user', id: 'usr_7Qm2', name: 'Dana Levi' } });
export type Actor = z.infer<typeof actorSchema>;

/** WhatsApp's own facts (a message received, a status change nobody asked for) and the core's routines. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system', id: null, name: 'System' });
/** A message sent from the phone itself (WhatsApp on the handset, not Chatdock). */
export const PHONE_ACTOR: Actor = Object.freeze({ type: 'system', id: null, name: 'Phone' });

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    login: z.string().describe('The sign-in name (unique, ignoring case)'),
    role: z.enum(USER_ROLES),
    disabled: z.boolean(),
    hasPassword: z.boolean().describe('False until the person used their invite code'),
    hasPin: z.boolean().describe('Whether a PIN is set for the desktop switcher'),
    language: z.string().nullable(),
    teams: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
    lastSignInAt: z
      .string()
      .nullable()
      .describe('The last browser sign-in; null if never (or older than the audit log keeps)'),
  })
  .meta({
    id: 'User',
    example: {
      id: 'usr_7Qm2',
      name: 'Dana Levi',
      login: 'dana',
      role: 'agent',
      disabled: false,
      hasPassword: true,
      hasPin: false,
      language: null,
      teams: [{ id: 'team_sales', name: 'Sales' }],
      createdAt: '2026-12-01T09:00:00.000Z',
      lastSignInAt: '2026-12-05T08:00:00.000Z',
    },
  });
export type User = z.infer<typeof userSchema>;

export const userListSchema = z
  .object({ items: z.array(userSchema), next: z.null() })
  .meta({ id: 'UserList', example: { items: [exampleOf(userSchema)], next: null } });
export type UserList = z.infer<typeof userListSchema>;

const nameField = z.string().trim().min(1, 'is required').max(80);
const loginField = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(120)
  .regex(/^[^\s]+$/u, 'may not contain spaces');
const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256);
const pinField = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const createUserInput = z
  .strictObject({
    name: nameField,
    login: loginField,
    role: z.enum(USER_ROLES),
    password: passwordField
      .optional()
      .describe('Set by the owner; without it the answer carries a one-time invite code'),
    language: z.string().max(20).optional(),
  })
  .meta({ id: 'CreateUser', example: { name: 'Dana Levi', login: 'dana', role: 'agent' } });

export const updateUserInput = z
  .strictObject({
    id: z.string().min(1, 'is required'),
    name: nameField.optional(),
    login: loginField.optional(),
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    language: z.string().max(20).nullable().optional(),
    teams: z.array(z.string().min(1)).max(100).optional().describe('Team ids; replaces the list'),
  })
  .meta({ id: 'UpdateUser', example: { id: 'usr_7Qm2', role: 'admin' } });

export const setupCodeSchema = z
  .object({
    user: userSchema,
    code: z
      .string()
      .nullable()
      .describe('A one-time invite/reset code, shown once: the person signs in with it to set a password'),
    expiresAt: z.string().nullable(),
  })
  .meta({
    id: 'UserWithCode',
    example: {
      user: exampleOf(userSchema),
      code: 'K7QM-2XPA-9RTD',
      expiresAt: '2026-12-08T09:00:00.000Z',
    },
  });
export type UserWithCode = z.infer<typeof setupCodeSchema>;

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, 'is required').max(256),
    newPassword: passwordField,
  })
  .meta({ id: 'ChangePassword', example: { currentPassword: 'old-secret-1', newPassword: 'new-secret-22' } });

export const setPinInput = z
  .strictObject({ currentPassword: z.string().min(1, 'is required').max(256), pin: pinField.nullable() })
  .meta({ id: 'SetPin', example: { currentPassword: 'my-secret-1', pin: '4821' } });

/** The person's UI language, kept with their profile so every device they sign in on uses it. */
export const setLanguageInput = z
  .strictObject({
    language: z
      .string()
      .max(20)
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "he" or "pt-BR"')
      .nullable()
      .describe('A language tag, or null to follow the browser or operating system'),
  })
  .meta({ id: 'SetLanguage', example: { language: 'pt-BR' } });

export const acceptCodeInput = z
  .strictObject({
    login: loginField,
    code: z.string().trim().min(1, 'is required').max(40),
    newPassword: passwordField,
  })
  .meta({
    id: 'AcceptCode',
    example: { login: 'dana', code: 'K7QM-2XPA-9RTD', newPassword: 'dana-secret-1' },
  });

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    members: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
  })
  .meta({
    id: 'Team',
    example: {
      id: 'team_sales',
      name: 'Sales',
      members: [{ id: 'usr_7Qm2', name: 'Dana Levi' }],
      createdAt: '2026-12-01T09:00:00.000Z',
    },
  });
export type Team = z.infer<typeof teamSchema>;

export const teamListSchema = z
  .object({ items: z.array(teamSchema), next: z.null() })
  .meta({ id: 'TeamList', example: { items: [exampleOf(teamSchema)], next: null } });
export type TeamList = z.infer<typeof teamListSchema>;

export const createTeamInput = z
  .strictObject({ name: nameField, members: z.array(z.string().min(1)).max(500).optional() })
  .meta({ id: 'CreateTeam', example: { name: 'Sales', members: ['usr_7Qm2'] } });

export const updateTeamInput = z
  .strictObject({
    id: z.string().min(1, 'is required'),
    name: nameField.optional(),
    members: z.array(z.string().min(1)).max(500).optional(),
  })
  .meta({ id: 'UpdateTeam', example: { id: 'team_sales', name: 'Sales (Tel Aviv)' } });

export const permissionGrantSchema = z
  .strictObject({
    subject: z.strictObject({ type: z.enum(['user', 'team']), id: z.string().min(1, 'is required') }),
    read: z.enum(READ_LEVELS).describe('`assigned` shows nothing until chats are assigned (issue #16)'),
    write: z.boolean().describe('Send, react, edit and delete messages'),
    canUseTags: z.boolean().describe('Tag chats and messages, manage tags'),
    canManageSavedReplies: z.boolean(),
  })
  .meta({
    id: 'PermissionGrant',
    example: {
      subject: { type: 'team', id: 'team_sales' },
      read: 'all',
      write: true,
      canUseTags: true,
      canManageSavedReplies: false,
    },
  });
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;

export const sessionPermissionsSchema = z
  .object({
    session: z.string(),
    grants: z.array(permissionGrantSchema.extend({ subjectName: z.string() })),
  })
  .meta({
    id: 'SessionPermissions',
    example: { session: 'shop', grants: [{ ...exampleOf(permissionGrantSchema), subjectName: 'Sales' }] },
  });
export type SessionPermissions = z.infer<typeof sessionPermissionsSchema>;

export const setPermissionsInput = z
  .strictObject({
    session: z.string().min(1, 'is required'),
    grants: z.array(permissionGrantSchema).max(500).describe('Replaces every grant of the number'),
  })
  .meta({
    id: 'SetSessionPermissions',
    example: { session: 'shop', grants: [exampleOf(permissionGrantSchema)] },
  });

/** What the signed-in caller may do: the UI hides what they may not. */
export const meSchema = z
  .object({
    user: userSchema.nullable().describe('Null for API keys and the desktop before anyone is chosen'),
    kind: z.enum(['user', 'desktop', 'admin', 'session', 'named']),
    via: z.enum(['cookie', 'token', 'desktop', 'key']),
    role: z.enum(USER_ROLES).describe('Keys and the desktop count as owner'),
    numbers: z
      .array(
        z.object({
          session: z.string(),
          read: z.enum(READ_LEVELS),
          write: z.boolean(),
          canUseTags: z.boolean(),
          canManageSavedReplies: z.boolean(),
        }),
      )
      .describe('Per number; owners and admins have everything on every number'),
    csrfToken: z.string().nullable().describe('Send it back as X-CSRF-Token on cookie calls'),
  })
  .meta({
    id: 'Me',
    example: {
      user: exampleOf(userSchema),
      kind: 'user',
      via: 'cookie',
      role: 'agent',
      numbers: [
        { session: 'shop', read: 'all', write: true, canUseTags: true, canManageSavedReplies: false },
      ],
      csrfToken: 'b1f0c0b8e0a54e3b9d2c',
    },
  });
export type Me = z.infer<typeof meSchema>;

export const signInSessionSchema = z
  .object({
    id: z.string(),
    current: z.boolean().describe('The browser asking'),
    userAgent: z.string().nullable(),
    address: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
  })
  .meta({
    id: 'SignInSession',
    example: {
      id: 'sis_4kP0',
      current: true,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
      address: '192.168.1.20',
      createdAt: '2026-12-05T08:00:00.000Z',
      lastSeenAt: '2026-12-05T11:40:00.000Z',
    },
  });
export type SignInSession = z.infer<typeof signInSessionSchema>;

export const signInSessionListSchema = z
  .object({ items: z.array(signInSessionSchema), next: z.null() })
  .meta({ id: 'SignInSessionList', example: { items: [exampleOf(signInSessionSchema)], next: null } });
export type SignInSessionList = z.infer<typeof signInSessionListSchema>;

export const personalTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(SCOPES)).nullable().describe('Null: everything the person may do'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({
    id: 'PersonalToken',
    example: {
      id: '0b1d…',
      name: 'My script',
      prefix: 'cd_Tz81q',
      scopes: ['messages:read'],
      createdAt: '2026-12-05T08:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
    },
  });
export type PersonalToken = z.infer<typeof personalTokenSchema>;

export const personalTokenListSchema = z
  .object({ items: z.array(personalTokenSchema), next: z.null() })
  .meta({ id: 'PersonalTokenList', example: { items: [exampleOf(personalTokenSchema)], next: null } });
export type PersonalTokenList = z.infer<typeof personalTokenListSchema>;

export const createTokenInput = z
  .strictObject({
    name: nameField,
    scopes: z
      .array(z.enum(SCOPES))
      .min(1, 'choose at least one scope')
      .optional()
      .describe('Narrows the token; it never exceeds what the person may do'),
  })
  .meta({ id: 'CreatePersonalToken', example: { name: 'My script', scopes: ['messages:read'] } });

export const createdTokenSchema = z
  .object({ token: personalTokenSchema, key: z.string().describe('Shown once, stored hashed') })
  .meta({
    id: 'CreatedPersonalToken',
    example: { token: exampleOf(personalTokenSchema), key: 'cd_Tz81qJ7mKp4RtY8wZb3nLc6dFh1gSa5eUo0iWq2XyEk' },
  });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: actorSchema,
    action: z
      .string()
      .describe('e.g. `auth.signin`, `auth.signin_failed`, `user.role_changed`, `key.created`'),
    target: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    address: z.string().nullable(),
  })
  .meta({
    id: 'AuditEntry',
    example: {
      id: 42,
      at: '2026-12-05T11:40:00.000Z',
      actor: exampleOf(actorSchema),
      action: 'auth.signin',
      target: 'user:usr_7Qm2',
      detail: null,
      address: '192.168.1.20',
    },
  });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z
  .object({ items: z.array(auditEntrySchema), next: z.string().nullable() })
  .meta({ id: 'AuditList', example: { items: [exampleOf(auditEntrySchema)], next: null } });
export type AuditList = z.infer<typeof auditListSchema>;

export const auditQueryInput = z
  .strictObject({
    action: z.string().max(80).optional().describe('Exact action, or a prefix ending in "." (e.g. `auth.`)'),
    actor: z.string().max(120).optional().describe('Actor id or name'),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    cursor: z.string().regex(/^\d+$/, 'must be a cursor from `next`').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .meta({ id: 'AuditQuery', example: { action: 'auth.', limit: 50 } });

/** The audit CSV's filters: those of the list, without paging. */
export const auditExportInput = auditQueryInput.omit({ cursor: true, limit: true });

export interface AuditExport {
  fileName: string;
  contentType: string;
  base64: string;
}

export const peopleSettingsSchema = z
  .object({
    idleMinutes: z
      .number()
      .int()
      .min(5)
      .max(60 * 24 * 30)
      .describe('A browser idle this long is signed out'),
    auditRetentionDays: z.number().int().min(7).max(3650),
    askWhoIsUsingThisPc: z
      .boolean()
      .describe('The desktop window asks who is using it (name + PIN or password)'),
  })
  .meta({
    id: 'PeopleSettings',
    example: { idleMinutes: 720, auditRetentionDays: 365, askWhoIsUsingThisPc: false },
  });
export type PeopleSettings = z.infer<typeof peopleSettingsSchema>;

const byId = z.strictObject({ id: z.string().min(1, 'is required') });
const noInput = z.strictObject({});

/** Owners and admins manage people; a person manages only their own profile. */
const ADMIN_PEOPLE = { scope: 'admin', people: 'admin' } as const satisfies Access;
const OWN_PROFILE = {
  scope: ['messages:read', 'messages:send', 'sessions:manage', 'webhooks:manage', 'widgets:manage'],
  sessionKeys: false,
  people: 'self',
} as const satisfies Access;
export const SELF_ONLY = { ...OWN_PROFILE, keys: false } as const satisfies Access;

export const peopleOperations = {
  'people.me': op<Me>()(noInput, OWN_PROFILE),
  'users.list': op<UserList>()(noInput, ADMIN_PEOPLE),
  'users.create': op<UserWithCode>()(createUserInput, ADMIN_PEOPLE),
  'users.update': op<User>()(updateUserInput, ADMIN_PEOPLE),
  /** Their past actions stay attributed to their name; their sessions and tokens end now. */
  'users.delete': op<User>()(byId.extend({ ...confirmationFields, ...moveChatsField }), {
    ...ADMIN_PEOPLE,
    confirm: true,
    limits: ['delete'],
  }),
  /** How many open and pending chats are assigned to the person (what deleting them must move). */
  'users.openChats': op<OpenChats>()(byId, ADMIN_PEOPLE),
  /** A new one-time code (the old password stops working) for a person who forgot theirs. */
  'users.resetCode': op<UserWithCode>()(byId, ADMIN_PEOPLE),
  'users.changePassword': op<User>()(changePasswordInput, SELF_ONLY),
  'users.setPin': op<User>()(setPinInput, SELF_ONLY),
  'users.setLanguage': op<User>()(setLanguageInput, SELF_ONLY),
  'teams.list': op<TeamList>()(noInput, ADMIN_PEOPLE),
  'teams.create': op<Team>()(createTeamInput, ADMIN_PEOPLE),
  'teams.update': op<Team>()(updateTeamInput, ADMIN_PEOPLE),
  /** Grants to the team on any number go with it. */
  'teams.delete': op<Team>()(byId.extend(moveChatsField), { ...ADMIN_PEOPLE, limits: ['delete'] }),
  /** How many open and pending chats are assigned to the team (what deleting it must move). */
  'teams.openChats': op<OpenChats>()(byId, ADMIN_PEOPLE),
  'permissions.get': op<SessionPermissions>()(z.strictObject({ session: z.string().min(1, 'is required') }), {
    ...ADMIN_PEOPLE,
    session: sessionField,
  }),
  'permissions.set': op<SessionPermissions>()(setPermissionsInput, {
    ...ADMIN_PEOPLE,
    session: sessionField,
  }),
  'signins.list': op<SignInSessionList>()(noInput, SELF_ONLY),
  'signins.revoke': op<{ revoked: number }>()(byId, { ...SELF_ONLY, limits: ['delete'] }),
  /** Signs out every browser of the person but the one asking (and revokes nothing else). */
  'signins.revokeOthers': op<{ revoked: number }>()(noInput, { ...SELF_ONLY, limits: ['delete'] }),
  'tokens.list': op<PersonalTokenList>()(noInput, SELF_ONLY),
  'tokens.create': op<CreatedToken>()(createTokenInput, SELF_ONLY),
  'tokens.revoke': op<PersonalToken>()(byId, { ...SELF_ONLY, limits: ['delete'] }),
  'audit.list': op<AuditList>()(auditQueryInput, ADMIN_PEOPLE),
  /** Settings → Audit's CSV file (REST streams the same from GET /audit/export). */
  'audit.export': op<AuditExport>()(auditExportInput, ADMIN_PEOPLE),
  'peopleSettings.get': op<PeopleSettings>()(noInput, ADMIN_PEOPLE),
  'peopleSettings.update': op<PeopleSettings>()(peopleSettingsSchema.partial().strict(), ADMIN_PEOPLE),
};
