/**
 * Mounts one widget and wires its behaviour. Used by the embeddable script and, imported directly,
 * by the app's editor for a live preview of a draft.
 */
import type { PublicWidget } from '../../src-shared/widget';
import { renderAvailability } from './availability-view';
import { safeColor } from './format';
import { WIDGET_CSS } from './styles';
import { widgetTexts } from './texts';
import { buildView } from './view';

export interface WidgetHandle {
  /** The element carrying the shadow root (`<chatdock-widget>`). */
  readonly element: HTMLElement;
  open(): void;
  close(): void;
  /** Removes the widget and stops its timer. */
  destroy(): void;
}

// While open, re-check who is available so the list follows the clock without a reload.
const REFRESH_MS = 30_000;

/** The page's writing direction: an explicit `<html dir>` wins, else the computed text direction. */
function pageDirection(container: Element): 'ltr' | 'rtl' {
  const explicit = document.documentElement.getAttribute('dir')?.toLowerCase();
  if (explicit === 'rtl' || explicit === 'ltr') return explicit;
  return getComputedStyle(container).direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * Renders the widget at the end of `hostElement` (default: `document.body`). Inside a host element it
 * is positioned relative to that element (give it `position: relative`), for previews.
 */
export function render(config: PublicWidget, hostElement?: HTMLElement): WidgetHandle {
  const container = hostElement ?? document.body;
  const element = document.createElement('chatdock-widget');
  element.setAttribute('data-widget-id', config.id);
  if (hostElement) element.setAttribute('data-embedded', '');
  // Open mode so end-to-end tests (and assistive tooling) can reach inside; isolation comes from the CSS.
  const shadow = element.attachShadow({ mode: 'open' });

  // The widget speaks the page's language (the app's own, in the editor's preview).
  const texts = widgetTexts(container.closest('[lang]')?.getAttribute('lang'), navigator.languages ?? []);
  const view = buildView(config, pageDirection(container), texts);
  const { root, launcher, panel, closeButton, body } = view;
  root.style.setProperty('--cdw-color', safeColor(config.color, '#25d366'));
  root.style.setProperty('--cdw-text', safeColor(config.textColor, '#ffffff'));
  const style = document.createElement('style');
  style.textContent = WIDGET_CSS;
  shadow.append(style, root);
  container.append(element);

  let timer: ReturnType<typeof setInterval> | undefined;
  const isOpen = () => !panel.hidden;
  // Date.now() (not a server time) so availability follows the visitor's clock and tests can fake it.
  const refresh = () => renderAvailability(body, config, new Date(Date.now()), texts);

  function open(moveFocus = false): void {
    if (!isOpen()) {
      refresh();
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      timer = setInterval(refresh, REFRESH_MS);
    }
    if (moveFocus) (body.querySelector<HTMLElement>('a') ?? closeButton).focus();
  }

  function close(returnFocus = false): void {
    if (!isOpen()) return;
    const focusWasInside = panel.contains(shadow.activeElement);
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    clearInterval(timer);
    if (returnFocus || focusWasInside) launcher.focus();
  }

  launcher.addEventListener('click', () => (isOpen() ? close(true) : open(true)));
  closeButton.addEventListener('click', () => close(true));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      event.preventDefault();
      close(true);
    }
  });

  // Opening by default must not steal focus from the page the visitor is reading.
  if (config.openByDefault) open(false);

  return {
    element,
    open: () => open(false),
    close: () => close(false),
    destroy() {
      clearInterval(timer);
      element.remove();
    },
  };
}
