/**
 * A small RFC 4180 CSV reader: quoted fields with commas, newlines and doubled quotes, CRLF or
 * LF line ends, a UTF-8 BOM. The delimiter is `,` unless the header row clearly uses `;` or a
 * tab (spreadsheets in many locales export with `;`).
 */

export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [',', ';', '\t'].map((ch) => ({ ch, n: count(ch) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0] && candidates[0].n > 0 ? candidates[0].ch : ',';
}

export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
      i += 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0 || quoted) endRow();
  return rows;
}

interface CsvTable {
  headers: string[];
  /** Each data row keyed by header; missing cells are empty. */
  records: Record<string, string>[];
}

/** The first row is the header; empty header cells become `column N`; duplicates get a suffix. */
export function readCsvTable(text: string): CsvTable {
  const [head = [], ...data] = parseCsv(text);
  const seen = new Map<string, number>();
  const headers = head.map((raw, index) => {
    const base = raw.trim() || `column ${index + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} ${n}`;
  });
  const records = data
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .map((cells) => Object.fromEntries(headers.map((h, index) => [h, (cells[index] ?? '').trim()])));
  return { headers, records };
}

const PHONE_HEADER = /phone|mobile|cell|number|whats ?app|tel|טלפון|נייד|هاتف/i;
const NAME_HEADER = /name|שם|اسم/i;

/** Guesses the phone and name columns from headers, then from the values. */
export function guessColumns(table: CsvTable): { phone: string | null; name: string | null } {
  let phone = table.headers.find((h) => PHONE_HEADER.test(h)) ?? null;
  if (!phone) {
    phone =
      table.headers.find((h) => {
        const sample = table.records.slice(0, 20).map((r) => r[h] ?? '');
        return sample.length > 0 && sample.every((v) => /^[+\d\s().-]{7,}$/.test(v));
      }) ?? null;
  }
  const name = table.headers.find((h) => h !== phone && NAME_HEADER.test(h)) ?? null;
  return { phone, name };
}
