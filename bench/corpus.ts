/**
 * Small word lists for synthetic shop conversations, most frequent first (sampled Zipf-like).
 * Several scripts on purpose: FTS5's unicode61 tokenizer must split Hebrew, Arabic and
 * Cyrillic as well as Latin text, and emoji sit between words.
 */
export type Language = 'en' | 'es' | 'he' | 'ar' | 'ru';

export const WORDS: Record<Language, readonly string[]> = {
  en: [
    'the', 'you', 'i', 'to', 'is', 'a', 'order', 'it', 'and', 'for', 'thanks', 'can', 'please', 'my',
    'today', 'when', 'delivery', 'ok', 'we', 'have', 'price', 'what', 'yes', 'no', 'will', 'tomorrow',
    'send', 'hi', 'hello', 'how', 'much', 'is', 'open', 'size', 'color', 'available', 'shop', 'still',
    'delivered', 'address', 'pay', 'card', 'cash', 'number', 'store', 'pickup', 'morning', 'evening',
    'great', 'thank', 'sorry', 'late', 'week', 'next', 'payment', 'invoice', 'receipt', 'refund',
    'return', 'exchange', 'discount', 'sale', 'new', 'stock', 'photo', 'picture', 'blue', 'black',
    'white', 'red', 'small', 'medium', 'large', 'shoes', 'shirt', 'dress', 'bag', 'gift', 'box',
    'tracking', 'courier', 'deliver', 'arrive', 'arrived', 'waiting', 'confirm', 'confirmed',
    'cancel', 'cancelled', 'monday', 'friday', 'weekend', 'closed', 'hours', 'opening', 'location',
    'parking', 'appointment', 'booking', 'table', 'menu', 'coffee', 'cake', 'bread', 'fresh',
  ],
  es: [
    'el', 'la', 'de', 'que', 'y', 'en', 'pedido', 'hola', 'gracias', 'por', 'favor', 'para', 'es',
    'mi', 'hoy', 'cuándo', 'entrega', 'precio', 'sí', 'no', 'mañana', 'tienda', 'quiero', 'comprar',
    'cuánto', 'cuesta', 'horario', 'abierto', 'cerrado', 'talla', 'color', 'disponible', 'envío',
    'dirección', 'pagar', 'tarjeta', 'efectivo', 'número', 'recoger', 'tarde', 'semana', 'próxima',
    'factura', 'recibo', 'devolución', 'cambio', 'descuento', 'oferta', 'nuevo', 'foto', 'azul',
    'negro', 'blanco', 'rojo', 'pequeño', 'mediano', 'grande', 'zapatos', 'camisa', 'vestido',
    'bolso', 'regalo', 'caja', 'seguimiento', 'llegó', 'esperando', 'confirmar', 'cancelar', 'lunes',
    'viernes', 'cita', 'reserva', 'mesa', 'café', 'pastel', 'pan', 'fresco', 'señora', 'niño',
  ],
  he: [
    'את', 'של', 'זה', 'לא', 'כן', 'שלום', 'תודה', 'הזמנה', 'אפשר', 'מתי', 'היום', 'מחר', 'משלוח',
    'מחיר', 'בבקשה', 'איפה', 'חנות', 'רוצה', 'לקנות', 'כמה', 'עולה', 'שעות', 'פתיחה', 'פתוח', 'סגור',
    'מידה', 'צבע', 'יש', 'במלאי', 'כתובת', 'לשלם', 'כרטיס', 'מזומן', 'מספר', 'לאסוף', 'בוקר', 'ערב',
    'שבוע', 'הבא', 'חשבונית', 'קבלה', 'החזר', 'החלפה', 'הנחה', 'מבצע', 'חדש', 'תמונה', 'כחול',
    'שחור', 'לבן', 'אדום', 'קטן', 'בינוני', 'גדול', 'נעליים', 'חולצה', 'שמלה', 'תיק', 'מתנה', 'קופסה',
    'מעקב', 'שליח', 'הגיע', 'מחכה', 'לאשר', 'לבטל', 'ראשון', 'שישי', 'תור', 'הזמנת', 'שולחן', 'קפה',
    'עוגה', 'לחם', 'טרי',
  ],
  ar: [
    'في', 'من', 'على', 'أن', 'مرحبا', 'شكرا', 'طلب', 'ممكن', 'متى', 'اليوم', 'غدا', 'توصيل', 'سعر',
    'من فضلك', 'أين', 'المحل', 'أريد', 'شراء', 'كم', 'يكلف', 'ساعات', 'العمل', 'مفتوح', 'مغلق',
    'مقاس', 'لون', 'متوفر', 'عنوان', 'الدفع', 'بطاقة', 'نقدا', 'رقم', 'استلام', 'صباحا', 'مساء',
    'الأسبوع', 'القادم', 'فاتورة', 'إيصال', 'استرجاع', 'تبديل', 'خصم', 'عرض', 'جديد', 'صورة', 'أزرق',
    'أسود', 'أبيض', 'أحمر', 'صغير', 'متوسط', 'كبير', 'حذاء', 'قميص', 'فستان', 'حقيبة', 'هدية',
    'علبة', 'تتبع', 'مندوب', 'وصل', 'انتظار', 'تأكيد', 'إلغاء', 'الأحد', 'الجمعة', 'موعد', 'حجز',
    'طاولة', 'قهوة', 'كعكة', 'خبز', 'طازج',
  ],
  ru: [
    'и', 'в', 'не', 'на', 'я', 'что', 'заказ', 'здравствуйте', 'спасибо', 'пожалуйста', 'можно',
    'когда', 'сегодня', 'завтра', 'доставка', 'цена', 'да', 'нет', 'где', 'магазин', 'хочу', 'купить',
    'сколько', 'стоит', 'часы', 'работы', 'открыто', 'закрыто', 'размер', 'цвет', 'есть', 'наличии',
    'адрес', 'оплата', 'картой', 'наличными', 'номер', 'забрать', 'утром', 'вечером', 'неделе',
    'следующей', 'счёт', 'чек', 'возврат', 'обмен', 'скидка', 'акция', 'новый', 'фото', 'синий',
    'чёрный', 'белый', 'красный', 'маленький', 'средний', 'большой', 'обувь', 'рубашка', 'платье',
    'сумка', 'подарок', 'коробка', 'трек', 'курьер', 'пришёл', 'жду', 'подтвердить', 'отменить',
    'понедельник', 'пятница', 'запись', 'бронь', 'столик', 'кофе', 'торт', 'хлеб', 'свежий',
  ],
};

export const LANGUAGES: readonly Language[] = ['en', 'en', 'en', 'en', 'es', 'es', 'he', 'he', 'ar', 'ru'];

export const EMOJI = ['👍', '🙏', '😊', '❤️', '😂', '🎉', '📦', '✅', '🔥', '👌'] as const;

/** Search targets with a known frequency (see bench/cases/search.ts). */
export const RARE_WORD = 'saffron';
export const PHRASE = 'opening hours';
export const PHRASE_PARTS = ['opening', 'hours'] as const;

export const FIRST_NAMES = [
  'Noa', 'David', 'Maria', 'Ahmed', 'Olga', 'John', 'Yael', 'Carlos', 'Fatima', 'Ivan', 'Sarah',
  'Omar', 'Lucia', 'Dmitri', 'Avi', 'Layla', 'Pablo', 'Tamar', 'Yusuf', 'Anna',
] as const;
