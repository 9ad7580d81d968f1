/** Builds the widget's static DOM: the launcher button and the (initially hidden) dialog panel. */
import type { PublicWidget } from '../../src-shared/widget';
import { h, icon } from './dom';
import { safeImageUrl } from './format';
import type { WidgetTexts } from './texts';

// A plain speech bubble (drawn for Chatdock, not a brand logo).
const CHAT_ICON =
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z' +
  'M7 9.5a1.5 1.5 0 1 0 0 .01zM12 9.5a1.5 1.5 0 1 0 0 .01zM17 9.5a1.5 1.5 0 1 0 0 .01z';

const PANEL_ID = 'chatdock-panel';

interface WidgetView {
  root: HTMLDivElement;
  launcher: HTMLButtonElement;
  panel: HTMLDivElement;
  closeButton: HTMLButtonElement;
  /** Where the operator list or offline note goes. */
  body: HTMLDivElement;
}

export function buildView(config: PublicWidget, direction: 'ltr' | 'rtl', texts: WidgetTexts): WidgetView {
  const iconUrl = safeImageUrl(config.iconUrl);
  const launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': PANEL_ID },
    [iconUrl ? h('img', { src: iconUrl, alt: '' }) : icon(CHAT_ICON), h('span', {}, [config.buttonMessage])],
  );

  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': texts.close }, [
    h('span', { 'aria-hidden': 'true' }, ['×']),
  ]);
  const intro = h('div', { class: 'intro' }, [h('p', { class: 'title' }, [config.businessName])]);
  if (config.widgetMessage) intro.append(h('p', { class: 'greeting' }, [config.widgetMessage]));
  const head = h('div', { class: 'head' }, [
    iconUrl ? h('img', { src: iconUrl, alt: '' }) : '',
    intro,
    closeButton,
  ]);

  const body = h('div', { class: 'body' });
  const panel = h(
    'div',
    { id: PANEL_ID, class: 'panel', role: 'dialog', 'aria-label': config.businessName, hidden: true },
    [head, body],
  );

  // DOM order launcher → panel gives the Tab order; column-reverse still draws the panel above.
  const root = h('div', { class: config.position === 'left' ? 'root left' : 'root', dir: direction }, [
    launcher,
    panel,
  ]);
  return { root, launcher, panel, closeButton, body };
}
