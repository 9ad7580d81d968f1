import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/Shell';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { LogsPage } from './pages/LogsPage';
import { SchedulePage } from './pages/SchedulePage';
import { SessionsPage } from './pages/SessionsPage';
import { SettingsPage } from './pages/SettingsPage';
import { TagsPage } from './pages/TagsPage';
import { WidgetEditorPage, WidgetPage } from './pages/WidgetPage';
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
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/inbox" replace />} />
          {/* One InboxPage for the list and every chat, so opening a chat does not remount the list. */}
          <Route element={<InboxPage />}>
            <Route path="inbox" element={null} />
            <Route path="chats" element={null} />
            <Route path="chats/:session/:jid" element={null} />
          </Route>
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="schedule" element={<SchedulePage />} />
          <Route path="tags" element={<TagsPage />} />
          <Route path="widget" element={<WidgetPage />} />
          <Route path="widget/:id" element={<WidgetEditorPage />} />
          <Route path="logs" element={<LogsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/inbox" replace />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
