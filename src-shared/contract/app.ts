import { z } from 'zod';
import type { AdminKeyStatus, AppInfo, Health, RotatedKey, Settings } from '../model.js';
import { ADMIN_ONLY, ANY_SCOPE } from '../access.js';
import { confirmationInput } from './confirmation.js';
import { op } from './operation.js';

const none = z.object({}).strict();

export const appOperations = {
  'app.info': op<AppInfo>()(none, ANY_SCOPE),
  'app.health': op<Health>()(none, ANY_SCOPE),
  'settings.get': op<Settings>()(none, ADMIN_ONLY),
  'settings.update': op<Settings>()(
    z
      .object({
        lanAccess: z.boolean().optional(),
      })
      .strict(),
    ADMIN_ONLY,
  ),
  'adminKey.status': op<AdminKeyStatus>()(none, ADMIN_ONLY),
  'adminKey.rotate': op<RotatedKey>()(confirmationInput, { ...ADMIN_ONLY, confirm: true }),
  /** The owner has copied the key shown once; stop revealing it. */
  'adminKey.acknowledge': op<AdminKeyStatus>()(none, ADMIN_ONLY),
};
