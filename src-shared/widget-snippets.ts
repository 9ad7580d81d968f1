/**
 * Copy-paste snippets that put the widget on a website.
 *
 * - hosted: a one-line <script> tag; the script fetches the widget from the Chatdock PC, so the
 *   widget only appears while that PC is reachable.
 * - selfContained: the public widget JSON plus the whole script inlined; no network request at all,
 *   so it keeps working when the PC is off (but must be re-copied after edits).
 */
import type { PublicWidget } from './widget.js';

interface SnippetOptions {
  publicWidget: PublicWidget;
  /** Absolute URL of widget.js on the Chatdock PC, e.g. `https://chat.example.com:8443/widget.js`. */
  scriptUrl: string;
  /** The built widget.js source, inlined into the self-contained snippet. */
  scriptSource: string;
}

export interface WidgetSnippets {
  hosted: string;
  selfContained: string;
}

const JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that can sit inside an inline <script>: no `</script>`, `<!--` or `&` for the HTML parser to
 * act on, and no U+2028/2029 line separators (not valid in older JS string literals). The escapes only
 * ever occur inside JSON strings, where `\u003c` means the same character.
 */
export function jsonForInlineScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => JSON_ESCAPES[char] ?? char);
}

/**
 * Makes JavaScript source safe to inline between <script> tags. A minifier keeps string contents
 * verbatim, so a literal "</script" or "<!--" in the bundle would end or derail the element early;
 * `<\/` and `\x3c!--` mean the same inside string, template and regular-expression literals.
 */
export function scriptForInlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '\\x3c!--');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildSnippets({ publicWidget, scriptUrl, scriptSource }: SnippetOptions): WidgetSnippets {
  const hosted =
    `<script defer data-widget="${escapeAttribute(publicWidget.id)}" ` +
    `src="${escapeAttribute(scriptUrl)}"></script>`;
  const selfContained =
    `<script>window.ChatdockWidgetConfig = ${jsonForInlineScript(publicWidget)};</script>\n` +
    `<script>${scriptForInlineScript(scriptSource)}</script>`;
  return { hosted, selfContained };
}
