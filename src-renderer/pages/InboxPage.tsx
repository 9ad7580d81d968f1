import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMatch, useNavigate, useSearchParams } from 'react-router-dom';
import { useInbox } from '../stores/inbox';
import { useSessions } from '../stores/sessions';
import { ChatListPane } from './inbox/ChatListPane';
import { ContactPanel } from './inbox/ContactPanel';
import { ConversationPane } from './inbox/ConversationPane';
import { InboxIcon } from './inbox/InboxIcon';
import { chatKey } from '../model/inbox/chat-order';
import { ContactPanelOrganizeSlot } from './inbox/organize-slots';
import { NewChatDialog } from './inbox/new-chat/NewChatDialog';
import { CHAT_ROUTE } from './inbox/paths';
import { JoinGroupDialog, StatusPane } from './inbox/lazy-parts';
import { useHeaderClearance } from './inbox/useHeaderClearance';
import '../styles/inbox.css';
import '../styles/kinds.css';
import '../styles/status.css';

/**
 * The team inbox: chats of every linked number on the left, the open chat in the middle, the
 * contact panel on the right. The open chat is in the URL (/chats/<session>/<jid>), so it
 * survives a reload and can be linked to. Ctrl/Cmd+K searches, Esc closes the panel.
 */
export function InboxPage() {
  const navigate = useNavigate();
  const match = useMatch(CHAT_ROUTE);
  // The Status view (/status, /status/<session>) takes the conversation's place.
  const statusAll = useMatch('/status');
  const statusOne = useMatch('/status/:session');
  const statusOpen = statusAll !== null || statusOne !== null;
  const [params] = useSearchParams();
  const session = match?.params.session ?? null;
  const jid = match?.params.jid ?? null;
  const key = session && jid ? chatKey(session, jid) : null;
  const focusId = params.get('msg');
  const focus = focusId ? { id: focusId, query: params.get('q') } : null;
  const chat = useInbox((state) => (key ? state.chats[key] : undefined));
  const sessions = useSessions((state) => state.sessions);
  const [panelOpen, setPanelOpen] = useState(false);
  const [query, setQuery] = useState('');
  /** New chat is open (with a number typed in search, if it came from there). */
  const [newChat, setNewChat] = useState<{ phone: string } | null>(null);
  const [joinGroup, setJoinGroup] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  // The same function on every render: the list's pane is memoised (ChatListPane).
  const openNewChat = useCallback((phone = '') => setNewChat({ phone }), []);
  const inboxRef = useRef<HTMLDivElement>(null);
  useHeaderClearance(inboxRef, panelOpen && Boolean(chat) && !statusOpen, key);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        setPanelOpen(false);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const sessionName = sessions.find((s) => s.id === session)?.name ?? session;
  return (
    <div
      ref={inboxRef}
      className={`inbox${key || statusOpen ? ' inbox--chat-open' : ''}${panelOpen && chat ? ' inbox--panel-open' : ''}`}
    >
      <ChatListPane query={query} onQuery={setQuery} searchRef={searchRef} onNewChat={openNewChat} />
      {newChat && (
        <NewChatDialog
          initialPhone={newChat.phone}
          initialSession={useInbox.getState().filter.session}
          onClose={() => setNewChat(null)}
          onOpened={() => setQuery('')}
          onJoinGroup={() => {
            setNewChat(null);
            setJoinGroup(true);
          }}
        />
      )}
      {joinGroup && (
        <Suspense fallback={null}>
          <JoinGroupDialog
            initialSession={useInbox.getState().filter.session}
            onClose={() => setJoinGroup(false)}
          />
        </Suspense>
      )}
      {statusOpen ? (
        // Loaded on first visit (lazy-parts.ts); the pane's place stays empty meanwhile.
        <Suspense fallback={<div className="inbox__placeholder" />}>
          <StatusPane session={statusOne?.params.session ?? null} />
        </Suspense>
      ) : session && jid ? (
        <ConversationPane
          // Keys are unique among this grid's children: the panel below is keyed by the same chat, and
          // a shared key made React render a second conversation when the panel closed.
          key={`conversation:${key}`}
          session={session}
          jid={jid}
          focus={focus}
          panelOpen={panelOpen}
          onTogglePanel={() => setPanelOpen(!panelOpen)}
          onBack={() => void navigate('/inbox')}
        />
      ) : (
        <div className="inbox__placeholder">
          <InboxIcon name="emoji" size={56} />
          <h2>
            <FormattedMessage id="inbox.placeholder.title" />
          </h2>
          <p className="muted">
            <FormattedMessage
              id="inbox.placeholder.text"
              values={{ shortcut: navigator.platform.includes('Mac') ? '⌘K' : 'Ctrl+K' }}
            />
          </p>
        </div>
      )}
      {panelOpen && chat && (
        <ContactPanel
          key={`contact-panel:${key}`}
          chat={chat}
          sessionName={sessionName}
          onClose={() => setPanelOpen(false)}
        >
          <ContactPanelOrganizeSlot session={chat.session} jid={chat.jid} />
        </ContactPanel>
      )}
    </div>
  );
}
