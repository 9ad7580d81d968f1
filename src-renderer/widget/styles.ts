/**
 * The widget's stylesheet, scoped by its shadow root.
 *
 * - `:host { all: initial !important }` cuts inheritance from the host page; `!important` matters
 *   because for important rules the shadow tree beats the page (`* { color: red !important }`).
 * - Sizes are in px, never rem, so the page's root font size cannot scale the widget.
 * - Sides use logical properties (inline-start/end), so the layout mirrors itself in RTL pages.
 * - Colours come from custom properties set in code after validation; this text is static.
 */
export const WIDGET_CSS = `
:host { all: initial !important; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  position: fixed; z-index: 2147483000; bottom: 20px; inset-inline-end: 20px;
  display: flex; flex-direction: column-reverse; align-items: flex-end; gap: 12px;
  max-width: calc(100vw - 40px);
  font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1f2933; text-align: start; letter-spacing: normal; text-transform: none;
}
.root.left { inset-inline-end: auto; inset-inline-start: 20px; align-items: flex-start; }
:host([data-embedded]) .root { position: absolute; }
button, a { font: inherit; -webkit-tap-highlight-color: transparent; }
:focus-visible { outline: 3px solid #111; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
.launcher {
  display: inline-flex; align-items: center; gap: 8px; min-height: 52px; min-width: 52px; margin: 0;
  padding-block: 0; padding-inline: 16px 20px; border: 0; border-radius: 26px; cursor: pointer;
  background: var(--cdw-color); color: var(--cdw-text); font-weight: 600;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .25);
}
.launcher svg, .launcher img { flex: none; width: 26px; height: 26px; border-radius: 50%; object-fit: cover; }
.panel {
  display: flex; flex-direction: column; width: 360px; max-width: 100%;
  max-height: min(560px, calc(100vh - 110px)); overflow: auto;
  background: #fff; border-radius: 16px; box-shadow: 0 8px 30px rgba(0, 0, 0, .25);
}
.head { display: flex; align-items: flex-start; gap: 12px; padding: 16px; background: var(--cdw-color); color: var(--cdw-text); }
.head img { flex: none; width: 40px; height: 40px; border-radius: 50%; object-fit: cover; }
.intro { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 17px; font-weight: 700; overflow-wrap: anywhere; }
.greeting { margin: 4px 0 0; font-size: 14px; overflow-wrap: anywhere; }
.close {
  flex: none; width: 44px; height: 44px; margin: -10px; padding: 0; border: 0; border-radius: 50%;
  background: transparent; color: inherit; font-size: 26px; line-height: 1; cursor: pointer;
}
.label { margin: 12px 16px 4px; font-size: 12px; font-weight: 600; text-transform: uppercase; color: #52606d; }
.list { list-style: none; margin: 0; padding: 0 8px 8px; }
.operator {
  display: flex; align-items: center; gap: 12px; min-height: 56px; padding: 8px;
  border-radius: 10px; color: inherit; text-decoration: none;
}
.operator:hover { background: #f0f2f5; }
.avatar {
  position: relative; flex: none; display: grid; place-items: center; width: 44px; height: 44px;
  border-radius: 50%; background: var(--cdw-color); color: var(--cdw-text); font-weight: 700;
}
.avatar img { width: 100%; height: 100%; border-radius: 50%; object-fit: cover; }
.avatar::after {
  content: ""; position: absolute; bottom: 0; inset-inline-end: 0; width: 12px; height: 12px;
  border: 2px solid #fff; border-radius: 50%; background: #2e9e4f;
}
.who { min-width: 0; }
.name { display: block; font-weight: 600; overflow-wrap: anywhere; }
.role { display: block; font-size: 13px; color: #52606d; }
.offline { margin: 0; padding: 16px; color: #3e4c59; }
.sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
@media (max-width: 480px) {
  .root { bottom: 12px; inset-inline-end: 12px; max-width: calc(100vw - 24px); }
  .root.left { inset-inline-start: 12px; }
  .panel {
    position: fixed; inset: auto 0 0 0; width: 100%; max-height: 85vh; border-radius: 16px 16px 0 0;
  }
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: cdw-in .16s ease-out; }
  @keyframes cdw-in { from { opacity: 0; transform: translateY(8px); } }
}
`;
