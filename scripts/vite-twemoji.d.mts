import type { Plugin } from 'vite';

/** Copies the Twemoji SVGs into the web build and provides `virtual:twemoji-codes`. */
export function twemojiImages(): Plugin;
