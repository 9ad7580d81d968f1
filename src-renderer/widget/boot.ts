/**
 * Decides where this copy of the script gets its widget from and renders it once the page is ready.
 *
 * Sources, most specific first:
 * 1. `data-config='{…}'` on the script tag (self-contained, no network);
 * 2. `data-widget="ID"` on a script loaded from the Chatdock PC → GET {origin}/api/v1/public/widgets/ID;
 * 3. `window.ChatdockWidgetConfig` set by an earlier inline script (self-contained snippet).
 */
import type { PublicWidget } from '../../src-shared/widget';
import { readPublicWidget } from './config';
import { render } from './render';

declare global {
  interface Window {
    ChatdockWidgetConfig?: unknown;
  }
}

type Source = { config: unknown } | { url: string };

/** Must run synchronously while the script executes: later snippets may overwrite the global. */
function findSource(script: HTMLScriptElement | null): Source | null {
  const inline = script?.getAttribute('data-config');
  if (inline) {
    try {
      return { config: JSON.parse(inline) as unknown };
    } catch {
      return { config: null };
    }
  }
  const id = script?.getAttribute('data-widget');
  if (id && script?.src) {
    return { url: `${new URL(script.src).origin}/api/v1/public/widgets/${encodeURIComponent(id)}` };
  }
  return window.ChatdockWidgetConfig === undefined ? null : { config: window.ChatdockWidgetConfig };
}

async function fetchConfig(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json();
}

function bodyReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/** The same widget pasted twice (e.g. hosted and self-contained) is shown once. */
function renderOnce(config: PublicWidget): void {
  const mounted = Array.from(document.querySelectorAll('chatdock-widget'));
  if (mounted.some((element) => element.getAttribute('data-widget-id') === config.id)) return;
  render(config);
}

export function boot(script: HTMLScriptElement | null): void {
  const source = findSource(script);
  if (!source) return;
  const raw = 'url' in source ? fetchConfig(source.url) : Promise.resolve(source.config);
  raw
    .then(async (value) => {
      const config = readPublicWidget(value);
      if (!config) throw new Error('invalid widget configuration');
      await bodyReady();
      renderOnce(config);
    })
    // One warning and no widget: a website must not break because the Chatdock PC is off.
    .catch((error: unknown) => {
      console.warn('[Chatdock] chat widget not shown:', error instanceof Error ? error.message : error);
    });
}
