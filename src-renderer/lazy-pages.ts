import { lazy } from 'react';

/**
 * Every screen but the inbox, loaded when first opened (issue #23 target 7): the browser runs
 * only the inbox's code before the first screen (484 kB → 285 kB gzipped; the target is 250 kB,
 * docs/PERFORMANCE.md). Reports alone brought recharts and d3 to every start. The inbox stays in
 * the main bundle: it is where the app opens.
 */
export const SessionsPage = lazy(() =>
  import('./pages/SessionsPage').then((m) => ({ default: m.SessionsPage })),
);
export const SchedulePage = lazy(() =>
  import('./pages/SchedulePage').then((m) => ({ default: m.SchedulePage })),
);
export const TagsPage = lazy(() => import('./pages/TagsPage').then((m) => ({ default: m.TagsPage })));
export const AutomationPage = lazy(() =>
  import('./pages/AutomationPage').then((m) => ({ default: m.AutomationPage })),
);
export const WidgetPage = lazy(() => import('./pages/WidgetPage').then((m) => ({ default: m.WidgetPage })));
export const WidgetEditorPage = lazy(() =>
  import('./pages/WidgetPage').then((m) => ({ default: m.WidgetEditorPage })),
);
export const LogsPage = lazy(() => import('./pages/LogsPage').then((m) => ({ default: m.LogsPage })));
export const ReportsPage = lazy(() =>
  import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
export const SettingsPage = lazy(() =>
  import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
export const TeamPage = lazy(() => import('./pages/team/TeamPage').then((m) => ({ default: m.TeamPage })));
export const PermissionsPage = lazy(() =>
  import('./pages/team/permissions/PermissionsPage').then((m) => ({ default: m.PermissionsPage })),
);
export const ProfilePage = lazy(() =>
  import('./pages/profile/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
export const RoutingPage = lazy(() =>
  import('./pages/routing/RoutingPage').then((m) => ({ default: m.RoutingPage })),
);
