/**
 * The widget's own words, in the visitor's language. A tiny built-in dictionary rather than the
 * app's i18n library: the embeddable script must stay small (npm run build:widget checks the
 * budget). Everything else the visitor reads (business name, button, greeting, operators) is the
 * owner's own text. Dates and times come from Intl in the same language.
 */
export interface WidgetTexts {
  /** BCP 47 tag for Intl (weekday and time). */
  locale: string;
  close: string;
  /** Read after an operator's name by screen readers. */
  opensWhatsApp: string;
  availableNow: string;
  nobody: string;
  /** "Back {when}." */
  back: (when: string) => string;
  today: (time: string) => string;
  tomorrow: (time: string) => string;
  /** e.g. "Monday 09:00". */
  weekday: (day: string, time: string) => string;
}

const en: WidgetTexts = {
  locale: 'en-GB',
  close: 'Close chat',
  opensWhatsApp: ' (opens WhatsApp in a new tab)',
  availableNow: 'Available now',
  nobody: 'Nobody is available right now.',
  back: (when) => `Back ${when}.`,
  today: (time) => `today at ${time}`,
  tomorrow: (time) => `tomorrow at ${time}`,
  weekday: (day, time) => `${day} ${time}`,
};

export const WIDGET_TEXTS: Record<string, WidgetTexts> = {
  en,
  es: {
    locale: 'es',
    close: 'Cerrar chat',
    opensWhatsApp: ' (abre WhatsApp en una pestaña nueva)',
    availableNow: 'Disponibles ahora',
    nobody: 'Ahora mismo no hay nadie disponible.',
    back: (when) => `Volvemos ${when}.`,
    today: (time) => `hoy a las ${time}`,
    tomorrow: (time) => `mañana a las ${time}`,
    weekday: (day, time) => `el ${day} a las ${time}`,
  },
  pt: {
    locale: 'pt-BR',
    close: 'Fechar conversa',
    opensWhatsApp: ' (abre o WhatsApp em uma nova aba)',
    availableNow: 'Disponíveis agora',
    nobody: 'Ninguém está disponível no momento.',
    back: (when) => `Voltamos ${when}.`,
    today: (time) => `hoje às ${time}`,
    tomorrow: (time) => `amanhã às ${time}`,
    weekday: (day, time) => `${day} às ${time}`,
  },
  de: {
    locale: 'de',
    close: 'Chat schließen',
    opensWhatsApp: ' (öffnet WhatsApp in einem neuen Tab)',
    availableNow: 'Jetzt erreichbar',
    nobody: 'Gerade ist niemand erreichbar.',
    back: (when) => `Wieder da ${when}.`,
    today: (time) => `heute um ${time}`,
    tomorrow: (time) => `morgen um ${time}`,
    weekday: (day, time) => `am ${day} um ${time}`,
  },
  he: {
    locale: 'he',
    close: 'סגירת הצ׳אט',
    opensWhatsApp: ' (נפתח ב-WhatsApp בכרטיסייה חדשה)',
    availableNow: 'זמינים עכשיו',
    nobody: 'אין כרגע אף אחד זמין.',
    back: (when) => `נחזור ${when}.`,
    today: (time) => `היום ב-${time}`,
    tomorrow: (time) => `מחר ב-${time}`,
    weekday: (day, time) => `ב${day} ב-${time}`,
  },
  ar: {
    locale: 'ar',
    close: 'إغلاق الدردشة',
    opensWhatsApp: ' (يفتح واتساب في علامة تبويب جديدة)',
    availableNow: 'متاحون الآن',
    nobody: 'لا يوجد أحد متاح الآن.',
    back: (when) => `نعود ${when}.`,
    today: (time) => `اليوم الساعة ${time}`,
    tomorrow: (time) => `غدًا الساعة ${time}`,
    weekday: (day, time) => `يوم ${day} الساعة ${time}`,
  },
};

/**
 * The visitor's language: the website's own (`<html lang>`), since a page in Arabic is read by
 * Arabic speakers, else the browser's; English when neither is one the widget speaks.
 */
export function widgetTexts(
  pageLanguage: string | null | undefined,
  browserLanguages: readonly string[] = [],
): WidgetTexts {
  for (const tag of [pageLanguage ?? '', ...browserLanguages]) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    const texts = WIDGET_TEXTS[base === 'iw' ? 'he' : base];
    if (texts) return texts;
  }
  return en;
}
