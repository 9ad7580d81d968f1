import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import type { Message } from '../../../src-shared/messages';
import { useTransport } from '../../stores/connection';
import { useConversation } from '../../stores/conversation';
import { useInbox } from '../../stores/inbox';
import { useSessions } from '../../stores/sessions';
import { Composer } from './Composer';
import { dropHeldKeys } from './composer/keys-before-focus';
import { AutomationPausedBanner } from '../../components/automation/AutomationPausedBanner';
import { admitOpenedChat } from '../../stores/assignment-view';
import { AssignmentBar } from './assignment/AssignmentBar';
import { CollisionNotice } from './assignment/CollisionNotice';
import { ConversationHeader } from './ConversationHeader';
import { filesOf } from './files';
import { ForwardDialog } from './ForwardDialog';
import { chatKey } from '../../model/inbox/chat-order';
import { chatTitle, formatPhone } from '../../model/inbox/format';
import { Lightbox } from './lightbox/Lightbox';
import { MessageList } from './MessageList';
import { ChannelNote } from './channels/ChannelNote';
import { OfflineBanner } from './offline/OfflineBanner';
import { explainMissingChat } from './new-chat/chat-lookup';
import { BlockedBanner, useBlockedChat } from './parity/BlockedBanner';
import { afterFirstPage } from '../../model/inbox/after-first-page';
import { SideCallsReady } from './side-calls';

const NOTICE_MS = 6000;

/** The open chat: header, history, composer; files dropped anywhere on it are attached. */
export function ConversationPane({
  session,
  jid,
  focus,
  panelOpen,
  onTogglePanel,
  onBack,
}: {
  session: string;
  jid: string;
  focus: { id: string; query: string | null } | null;
  panelOpen: boolean;
  onTogglePanel: () => void;
  onBack: () => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const chat = useInbox((state) => state.chats[chatKey(session, jid)]);
  const sessions = useSessions((state) => state.sessions);
  const error = useConversation((state) => state.error);
  const notice = useConversation((state) => state.notice);
  const forwarding = useConversation((state) => state.forwarding);
  // The chat's other calls wait for its first page to paint (the pane is keyed by chat: a new
  // chat starts at false).
  const [sideCallsReady, setSideCallsReady] = useState(false);
  const blocked = useBlockedChat(session, jid, sideCallsReady);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const initialFocus = useRef(focus);
  const keepListFocus = Boolean((useLocation().state as { keepListFocus?: boolean } | null)?.keepListFocus);
  const lastFocusId = useRef(focus?.id ?? null);
  // Read now, before this chat is marked read: where the "unread messages" divider goes.
  const [unreadAtOpen] = useState(() => useInbox.getState().chats[chatKey(session, jid)]?.unreadCount ?? 0);

  // A layout effect, not a passive one: the chat's first page is the first request of the open
  // and leaves as the pane commits. As a passive effect it left after the effects of every child
  // (presence, assignment, automation, blocklist: eight calls ahead of it, past the browser's six
  // connections) and, the navigation being a transition, only after a frame had been painted:
  // 180–730 ms after the click at 4× CPU throttling (issue #23 target 7, session 15). The old
  // pane's close is a layout cleanup too, so it still runs before this open.
  useLayoutEffect(() => {
    const conversation = useConversation.getState();
    const opening = conversation.open(transport, session, jid, initialFocus.current ?? undefined);
    const cancel = afterFirstPage(opening, () => setSideCallsReady(true));
    return () => {
      cancel();
      conversation.close();
    };
  }, [transport, session, jid]);

  // A search hit in the chat that is already open.
  const focusId = focus?.id ?? null;
  const focusQuery = focus?.query ?? null;
  useEffect(() => {
    if (focusId && focusId !== lastFocusId.current) {
      void useConversation.getState().jumpTo(transport, focusId, focusQuery);
    }
    lastFocusId.current = focusId;
  }, [transport, focusId, focusQuery]);

  // A deep link to a chat the list has not loaded yet.
  useEffect(() => {
    if (useInbox.getState().chats[chatKey(session, jid)]) return;
    transport
      .call('chats.get', { session, chat: jid })
      .then((found) => admitOpenedChat(transport, found))
      .catch((caught: unknown) => explainMissingChat(transport, session, jid, caught))
      .then((problem) => problem && setMissing(problem))
      .catch(() => undefined);
  }, [transport, session, jid]);

  // Seen while the window shows it: mark read (the customer gets blue ticks).
  const unread = chat?.unreadCount ?? 0;
  /** Marked unread from the header: the chat is closing and must not be read again. */
  const leavingUnread = useRef(false);
  useEffect(() => {
    const markRead = () => {
      if (document.visibilityState !== 'visible' || unread === 0 || leavingUnread.current) return;
      transport
        .call('chats.read', { session, chat: jid })
        .then((updated) => useInbox.getState().applyChat(updated))
        .catch(() => undefined);
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [transport, session, jid, unread]);

  // A chat with no message box (read-only, a channel, blocked, gone) takes no keys held since the
  // click that opened it (keys-before-focus.ts): they would wait out the hold, the page's own
  // shortcuts (`?`) swallowed meanwhile.
  const noMessageBox = Boolean((missing && !chat) || chat?.readOnly || blocked);
  useEffect(() => {
    if (noMessageBox) dropHeldKeys();
  }, [noMessageBox]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => useConversation.getState().setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const title = chat ? chatTitle(chat) : (formatPhone(jid.split('@')[0] ?? null) ?? jid);
  const isGroup = chat?.kind === 'group';
  // The same function while the chat's name and kind stay: every bubble takes it as a prop, and a
  // new one on each render of this pane (an older page, a receipt, a chat update) re-rendered
  // every bubble on screen (issue #23 target 7).
  const authorOf = useCallback(
    (message: Message): string =>
      message.fromMe
        ? intl.formatMessage({ id: 'inbox.you' })
        : message.senderName ||
          (isGroup
            ? (formatPhone(message.sender?.split('@')[0] ?? null) ??
              intl.formatMessage({ id: 'inbox.someone' }))
            : title),
    [intl, isGroup, title],
  );
  const sessionName = sessions.length > 1 ? (sessions.find((s) => s.id === session)?.name ?? session) : null;

  const onDrag = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    setDragging(
      event.type !== 'dragleave' || event.currentTarget.contains(event.relatedTarget as Node | null),
    );
  };
  const onDrop = (event: DragEvent) => {
    const dropped = filesOf(event.dataTransfer);
    setDragging(false);
    if (dropped.length === 0) return;
    event.preventDefault();
    setFiles((current) => [...current, ...dropped]);
  };

  return (
    <SideCallsReady.Provider value={sideCallsReady}>
      <section
        className="conversation"
        aria-label={intl.formatMessage({ id: 'inbox.conversation.label' }, { name: title })}
        onDragEnter={onDrag}
        onDragOver={onDrag}
        onDragLeave={onDrag}
        onDrop={onDrop}
      >
        {chat ? (
          <ConversationHeader
            chat={chat}
            sessionName={sessionName}
            panelOpen={panelOpen}
            onTogglePanel={onTogglePanel}
            onBack={onBack}
            onLeaveUnread={() => {
              leavingUnread.current = true;
              onBack();
            }}
            holdRead={(hold) => {
              leavingUnread.current = hold;
            }}
          />
        ) : (
          <header className="conversation__header">
            <h2>{title}</h2>
          </header>
        )}
        {/* Channels are not conversations to assign (issue #19): no status, no assignee. */}
        {chat && chat.kind !== 'newsletter' && <AssignmentBar session={session} jid={jid} />}
        {chat && <CollisionNotice session={session} jid={jid} />}
        <OfflineBanner sessions={[session]} />
        {(missing && !chat) || error ? (
          <p className="form-error conversation__error" role="alert">
            {missing && !chat ? missing : error}
          </p>
        ) : null}
        {notice && (
          <div className="conversation__notice" role="alert">
            {notice}
          </div>
        )}
        {missing && !chat ? null : (
          <MessageList
            chat={chatKey(session, jid)}
            isGroup={isGroup}
            authorOf={authorOf}
            unreadAtOpen={unreadAtOpen}
          />
        )}
        {missing && !chat ? null : <AutomationPausedBanner session={session} jid={jid} />}
        {missing && !chat ? null : chat?.kind === 'newsletter' && chat.readOnly ? (
          <ChannelNote session={session} jid={jid} />
        ) : chat?.readOnly ? (
          <p className="composer composer--readonly muted">
            <FormattedMessage id="inbox.conversation.readOnly" />
          </p>
        ) : blocked ? (
          <BlockedBanner session={session} jid={jid} />
        ) : (
          <Composer
            session={session}
            jid={jid}
            files={files}
            onFiles={setFiles}
            authorOf={authorOf}
            autoFocus={!keepListFocus}
          />
        )}
        {chat?.kind === 'newsletter' && !chat.readOnly && <ChannelNote session={session} jid={jid} />}
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <FormattedMessage id="inbox.conversation.drop" values={{ name: <bdi>{title}</bdi> }} />
          </div>
        )}
        {forwarding && <ForwardDialog message={forwarding} />}
        <Lightbox />
      </section>
    </SideCallsReady.Provider>
  );
}
