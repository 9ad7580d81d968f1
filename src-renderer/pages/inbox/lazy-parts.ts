import { lazy } from 'react';

/**
 * Parts of the inbox that most sign-ins never open, loaded on first use so they stay out of the
 * JavaScript before the first screen (issue #23 target 7, docs/PERFORMANCE.md case 14): the
 * Status view, a group's info panel (with its invite QR) and the join-a-group dialog. Their
 * texts are in the first screen's catalogue (their areas are small and shared with the inbox).
 */
export const StatusPane = lazy(() => import('./status/StatusPane').then((m) => ({ default: m.StatusPane })));
export const GroupInfoPanel = lazy(() =>
  import('./group-info/GroupInfoPanel').then((m) => ({ default: m.GroupInfoPanel })),
);
export const JoinGroupDialog = lazy(() =>
  import('./group-join/JoinGroupDialog').then((m) => ({ default: m.JoinGroupDialog })),
);
