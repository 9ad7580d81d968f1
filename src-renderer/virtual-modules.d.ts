/** The codes of the bundled Twemoji images, space-separated (`scripts/vite-twemoji.mjs`). */
declare module 'virtual:twemoji-codes' {
  const codes: string;
  export default codes;
}
