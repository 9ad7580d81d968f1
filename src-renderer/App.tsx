import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/Shell';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { DesktopSwitcher } from './pages/desktop/DesktopSwitcher';
import {
  AutomationPage,
  LogsPage,
  PermissionsPage,
  ProfilePage,
  ReportsPage,
  RoutingPage,
  SchedulePage,
  SessionsPage,
  SettingsPage,
  TagsPage,
  TeamPage,
  WidgetEditorPage,
  WidgetPage,
} from './lazy-pages';
import { useConnection } from './stores/connection';

export function App() {
  const status = useConnection((state) => state.status);
  const start = useConnection((state) => state.start);

  useEffect(() => {
    void start();
  }, [start]);

  if (status === 'starting') {
    return (
      <div className="splash" role="status">
        <FormattedMessage id="common.starting" />
      </div>
    );
  }
  if (status === 'login') return <LoginPage />;
  if (status === 'switcher') return <DesktopSwitcher />;
  return (
    // Routes render as ordinary updates, not transitions: a chat opened by a click renders its
    // route and rows in one task (pages/inbox/open-on-page.ts); a lazy page's first visit shows
    // the shell's "Loading…" meanwhile instead of keeping the page left.
    <BrowserRouter useTransitions={false}>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/inbox" replace />} />
          {/* One InboxPage for the list and every chat, so opening a chat does not remount the list. */}
          <Route element={<InboxPage />}>
            <Route path="inbox" element={null} />
            <Route path="chats" element={null} />
            <Route path="chats/:session/:jid" element={null} />
            <Route path="status" element={null} />
            <Route path="status/:session" element={null} />
          </Route>
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="schedule" element={<SchedulePage />} />
          <Route path="tags" element={<TagsPage />} />
          <Route path="automation" element={<AutomationPage />} />
          <Route path="automation/:session" element={<AutomationPage />} />
          <Route path="widget" element={<WidgetPage />} />
          <Route path="widget/:id" element={<WidgetEditorPage />} />
          <Route path="logs" element={<LogsPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/team" element={<TeamPage />} />
          <Route path="settings/team/numbers/:session" element={<PermissionsPage />} />
          <Route path="settings/routing" element={<RoutingPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="*" element={<Navigate to="/inbox" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
