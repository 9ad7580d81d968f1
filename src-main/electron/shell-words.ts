/**
 * The desktop shell's few words outside the window (the tray menu, the start-up failure box), in
 * the computer's language (`app.getPreferredSystemLanguages()`). A small dictionary rather than the
 * renderer's catalogues: the main process runs before any window exists. Same six languages.
 */
export interface ShellWords {
  open: string;
  quit: string;
  couldNotStart: string;
}

const WORDS: Record<string, ShellWords> = {
  en: { open: 'Open Chatdock', quit: 'Quit Chatdock', couldNotStart: 'Chatdock could not start' },
  es: { open: 'Abrir Chatdock', quit: 'Salir de Chatdock', couldNotStart: 'Chatdock no pudo iniciarse' },
  pt: {
    open: 'Abrir o Chatdock',
    quit: 'Sair do Chatdock',
    couldNotStart: 'Não foi possível iniciar o Chatdock',
  },
  de: { open: 'Chatdock öffnen', quit: 'Chatdock beenden', couldNotStart: 'Chatdock konnte nicht starten' },
  he: { open: 'פתיחת Chatdock', quit: 'יציאה מ-Chatdock', couldNotStart: 'לא ניתן היה להפעיל את Chatdock' },
  ar: { open: 'فتح Chatdock', quit: 'إنهاء Chatdock', couldNotStart: 'تعذّر تشغيل Chatdock' },
};

/** The words for the first of the system's languages Chatdock speaks, else English. */
export function shellWords(systemLanguages: readonly string[]): ShellWords {
  for (const tag of systemLanguages) {
    const words = WORDS[tag.split('-')[0]?.toLowerCase() ?? ''];
    if (words) return words;
  }
  return WORDS.en as ShellWords;
}
