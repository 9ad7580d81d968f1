import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { Chat, Message } from '../../../src-shared/messages';
import { localMessagePreview } from '../../i18n/message-preview';
import { useTransport } from '../../stores/connection';
import { countryOf, parseTypedPhone } from '../../model/phone';
import { useInbox } from '../../stores/inbox';
import { useSessions } from '../../stores/sessions';
import { describeError } from '../../transport/rpc-error';
import { Avatar } from './Avatar';
import { Highlighted } from './Highlighted';
import { InboxIcon } from './InboxIcon';
import { chatKey, chatQuery } from '../../model/inbox/chat-order';
import { chatTitle, formatChatTime, formatPhone } from '../../model/inbox/format';
import { snippetAround } from '../../model/inbox/highlight';
import { chatPath } from './paths';

const DEBOUNCE_MS = 250;

interface Results {
  chats: Chat[];
  messages: Message[];
  next: number | null;
}

/** Chats whose name or number matches, and messages whose text matches (full-text), marked. */
export function SearchResults({
  query,
  session,
  onMessageNumber,
}: {
  query: string;
  session: string | null;
  /** A phone number was typed: offer to write to it (New chat, prefilled). */
  onMessageNumber: (phone: string) => void;
}) {
  const intl = useIntl();
  const transport = useTransport();
  const sessions = useSessions((state) => state.sessions);
  const home = sessions.find((s) => s.id === session) ?? sessions[0];
  const typedPhone = parseTypedPhone(query, countryOf(home?.phone));
  const navigate = useNavigate();
  const known = useInbox((state) => state.chats);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let current = true;
    setSearching(true);
    const timer = setTimeout(() => {
      const scope = session ?? undefined;
      Promise.all([
        transport.call('chats.list', { q: chatQuery(query), session: scope, limit: 20 }),
        transport.call('messages.search', { q: query, session: scope, limit: 30 }),
      ])
        .then(([chats, messages]) => {
          if (!current) return;
          setResults({ chats: chats.items, messages: messages.items, next: messages.next });
          setError(null);
        })
        .catch((caught: unknown) => current && setError(describeError(caught)))
        .finally(() => current && setSearching(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transport, query, session]);

  const more = async () => {
    if (!results?.next) return;
    try {
      const page = await transport.call('messages.search', {
        q: query,
        session: session ?? undefined,
        limit: 30,
        cursor: results.next,
      });
      setResults({ ...results, messages: [...results.messages, ...page.items], next: page.next });
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const titleOf = (message: Message) => {
    const chat = known[chatKey(message.session, message.chat)];
    if (chat) return chatTitle(chat);
    return (
      (!message.fromMe && message.senderName) ||
      formatPhone(message.chat.split('@')[0] ?? null) ||
      message.chat
    );
  };

  return (
    <div
      className="search-results"
      role="region"
      aria-label={intl.formatMessage({ id: 'inbox.search.results' })}
      aria-busy={searching}
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {typedPhone && (
        <button
          type="button"
          className="search-hit search-results__start"
          onClick={() => onMessageNumber(typedPhone.display)}
        >
          <InboxIcon name="newChat" size={20} />
          <span className="search-hit__title">
            <FormattedMessage
              id="inbox.search.messageNumber"
              values={{ phone: <bdi dir="ltr">{typedPhone.display}</bdi> }}
            />
          </span>
        </button>
      )}
      {results && (
        <>
          <h2 className="search-results__heading">
            <FormattedMessage id="inbox.list.chats" />
          </h2>
          {results.chats.length === 0 && (
            <p className="muted search-results__empty">
              <FormattedMessage id="inbox.search.noChats" />
            </p>
          )}
          <ul
            className="search-results__list"
            aria-label={intl.formatMessage({ id: 'inbox.search.matchingChats' })}
          >
            {results.chats.map((chat) => (
              <li key={chatKey(chat.session, chat.jid)}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => void navigate(chatPath(chat.session, chat.jid))}
                >
                  <Avatar name={chatTitle(chat)} size={36} />
                  <span className="search-hit__body">
                    <span className="search-hit__title" dir="auto">
                      <Highlighted text={chatTitle(chat)} query={query} />
                    </span>
                    <bdi className="search-hit__text muted">{formatPhone(chat.phone) ?? chat.jid}</bdi>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <h2 className="search-results__heading">
            <FormattedMessage id="inbox.messages.label" />
          </h2>
          {results.messages.length === 0 && (
            <p className="muted search-results__empty">
              <FormattedMessage id="inbox.search.noMessages" />
            </p>
          )}
          <ul
            className="search-results__list"
            aria-label={intl.formatMessage({ id: 'inbox.search.matchingMessages' })}
          >
            {results.messages.map((message) => (
              <li key={`${message.session}|${message.chat}|${message.id}`}>
                <button
                  type="button"
                  className="search-hit"
                  onClick={() => void navigate(chatPath(message.session, message.chat, message.id, query))}
                >
                  <span className="search-hit__body">
                    <span className="search-hit__top">
                      <span className="search-hit__title" dir="auto">
                        {titleOf(message)}
                      </span>
                      <time dateTime={message.timestamp}>
                        {formatChatTime(message.timestamp, undefined, intl.locale)}
                      </time>
                    </span>
                    <span className="search-hit__text">
                      {message.fromMe && (
                        <span className="muted">
                          <FormattedMessage id="inbox.search.youPrefix" />{' '}
                        </span>
                      )}
                      <bdi>
                        <Highlighted
                          text={snippetAround(message.text ?? localMessagePreview(message, intl), query)}
                          query={query}
                        />
                      </bdi>
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {results.next !== null && (
            <button
              type="button"
              className="button button--secondary search-results__more"
              onClick={() => void more()}
            >
              <FormattedMessage id="inbox.search.more" />
            </button>
          )}
        </>
      )}
      {!results && searching && (
        <p className="muted search-results__empty" role="status">
          <FormattedMessage id="inbox.search.searching" />
        </p>
      )}
    </div>
  );
}
