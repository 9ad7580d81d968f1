/**
 * The WhatsApp layer as the core uses it, in one module the core loads lazily
 * (`lazy-layer.ts`): everything here reaches Baileys, WAProto and whatsapp-rust-bridge (a
 * 4.7 MB chunk of the minified build, most of what a start used to parse), which no start
 * should pay for before it answers /health. Only `lazy-layer.ts` imports this file, and only with `import()`; the rest of
 * the core names these classes as types (issue #23 targets 2 and 6, docs/ARCHITECTURE.md
 * "The WhatsApp layer, loaded lazily").
 */
export { SessionRunner } from './session-runner.js';
export { WaActions } from './actions.js';
export { WaChatSync } from './chat-sync.js';
export { WaGroupActions } from './group-actions.js';
export { WaLabelActions } from './label-actions.js';
export { WaProfileActions } from './profile-actions.js';
export { WaPrivacyActions } from './privacy-actions.js';
export { WaChannelActions } from './channel-actions.js';
export { attachSessionEvents } from './session-events.js';
export { attachLabelEvents } from './label-events.js';
export { attachChannelEvents } from './channel-events.js';
export { applyServerTrust } from './server-trust.js';
