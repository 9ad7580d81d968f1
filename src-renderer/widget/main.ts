/**
 * Entry of the embeddable widget script (built to dist/widget/widget.js as an IIFE exposing
 * `window.ChatdockWidget.render`). The app's editor should import `./render` instead.
 */
import { boot } from './boot';

// document.currentScript is only set while this script's top level runs, so capture it first.
const ownScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
boot(ownScript);

export { render, type WidgetHandle } from './render';
