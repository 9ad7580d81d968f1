import { z } from 'zod';
import type { AdminKeyStatus, AppInfo, Health, RotatedKey, Settings } from '../model.js';
import { op } from './operation.js';

const none = z.object({}).strict();

export const appOperations = {
  'app.info': op<AppInfo>()(none),
  'app.health': op<Health>()(none),
  'settings.get': op<Settings>()(none),
  'settings.update': op<Settings>()(
    z
      .object({
        lanAccess: z.boolean().optional(),
      })
      .strict(),
  ),
  'adminKey.status': op<AdminKeyStatus>()(none),
  'adminKey.rotate': op<RotatedKey>()(none),
  /** The owner has copied the key shown once; stop revealing it. */
  'adminKey.acknowledge': op<AdminKeyStatus>()(none),
};
