import { lazy } from 'react';
import { useI18n } from './i18n/store';

/**
 * Every screen but the inbox, loaded when first opened (issue #23 target 7): the browser runs
 * only the inbox's code before the first screen (484 kB → 285 kB gzipped; the target is 250 kB,
 * docs/PERFORMANCE.md). Reports alone brought recharts and d3 to every start. The inbox stays in
 * the main bundle: it is where the app opens.
 */

/**
 * A lazy page with the English texts only the lazy pages use (`i18n/messages/en-pages.ts`): they
 * too stay out of the first screen, and the page renders once they are in the catalogue.
 */
function withPageTexts<T>(page: Promise<T>): Promise<T> {
  return Promise.all([page, useI18n.getState().includePageTexts()]).then(([module]) => module);
}

export const SessionsPage = lazy(() =>
  withPageTexts(import('./pages/SessionsPage')).then((m) => ({ default: m.SessionsPage })),
);
export const SchedulePage = lazy(() =>
  withPageTexts(import('./pages/SchedulePage')).then((m) => ({ default: m.SchedulePage })),
);
export const TagsPage = lazy(() =>
  withPageTexts(import('./pages/TagsPage')).then((m) => ({ default: m.TagsPage })),
);
export const AutomationPage = lazy(() =>
  withPageTexts(import('./pages/AutomationPage')).then((m) => ({ default: m.AutomationPage })),
);
export const WidgetPage = lazy(() =>
  withPageTexts(import('./pages/WidgetPage')).then((m) => ({ default: m.WidgetPage })),
);
export const WidgetEditorPage = lazy(() =>
  withPageTexts(import('./pages/WidgetPage')).then((m) => ({ default: m.WidgetEditorPage })),
);
export const LogsPage = lazy(() =>
  withPageTexts(import('./pages/LogsPage')).then((m) => ({ default: m.LogsPage })),
);
export const ReportsPage = lazy(() =>
  withPageTexts(import('./pages/ReportsPage')).then((m) => ({ default: m.ReportsPage })),
);
export const SettingsPage = lazy(() =>
  withPageTexts(import('./pages/SettingsPage')).then((m) => ({ default: m.SettingsPage })),
);
export const TeamPage = lazy(() =>
  withPageTexts(import('./pages/team/TeamPage')).then((m) => ({ default: m.TeamPage })),
);
export const PermissionsPage = lazy(() =>
  withPageTexts(import('./pages/team/permissions/PermissionsPage')).then((m) => ({
    default: m.PermissionsPage,
  })),
);
export const ProfilePage = lazy(() =>
  withPageTexts(import('./pages/profile/ProfilePage')).then((m) => ({ default: m.ProfilePage })),
);
export const RoutingPage = lazy(() =>
  withPageTexts(import('./pages/routing/RoutingPage')).then((m) => ({ default: m.RoutingPage })),
);
