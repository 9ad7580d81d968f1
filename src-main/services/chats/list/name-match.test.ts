/**
 * A name of 1–2 characters is looked up as a range of the trigram index's terms, which hold the
 * text case-folded by SQLite: the range is only right if our fold of the text is SQLite's.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { nameMatch } from './name-match.js';

describe('nameMatch', () => {
  it('gives every trigram for 3+ characters and a range of trigrams for 1–2', () => {
    expect(nameMatch('Noa')).toMatchObject({ like: '%Noa%', fts: '"Noa"', prefix: null });
    // Each trigram once (code points, not UTF-16 units), quotes doubled.
    expect(nameMatch('Tamar 2')?.fts).toBe('"Tam" AND "ama" AND "mar" AND "ar " AND "r 2"');
    expect(nameMatch('aaaa')?.fts).toBe('"aaa"');
    expect(nameMatch('a"b😀')?.fts).toBe('"a""b" AND """b😀"');
    expect(nameMatch('Zq')).toMatchObject({ like: '%Zq%', fts: null, prefix: { from: 'zq', to: 'zr' } });
    expect(nameMatch('7')).toMatchObject({ prefix: { from: '7', to: '8' } });
    expect(nameMatch('דן')).toMatchObject({ prefix: { from: 'דן', to: 'דנ' } });
    // Letters with a case outside ASCII: not looked up (the LIKE walks), and no trigram query.
    expect(nameMatch('é')).toMatchObject({ fts: null, prefix: null });
    expect(nameMatch('Иa')).toMatchObject({ fts: null, prefix: null });
    // `%` and `_` are dropped; nothing left filters nothing.
    expect(nameMatch('%_')).toBeNull();
    expect(nameMatch('a%')).toMatchObject({ like: '%a%', prefix: { from: 'a', to: 'b' } });
  });

  it('finds, in an index without positions, every document containing the text (a superset)', () => {
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE VIRTUAL TABLE f USING fts5(t, content='', detail=none, tokenize='trigram')`);
    const documents = ['Tamar Cohen', 'Noa Tamir', 'amarta', 'TAMAR 2\n\n', 'mar tam ama', 'a"b😀c'];
    const insert = sqlite.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)');
    documents.forEach((text, i) => insert.run(i + 1, text));
    const hits = (q: string) =>
      sqlite
        .prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid')
        .pluck()
        .all(nameMatch(q)?.fts) as number[];
    for (const q of ['tamar', 'Tamar 2', 'mar', 'ama', 'a"b😀', 'b😀c', 'am']) {
      if (!nameMatch(q)?.fts) continue;
      const containing = documents.flatMap((text, i) =>
        text.toLowerCase().includes(q.toLowerCase()) ? [i + 1] : [],
      );
      expect(hits(q), q).toEqual(expect.arrayContaining(containing));
    }
    // Not a phrase: the trigrams of `tamar` in another order also match (the LIKE removes it).
    expect(hits('tamar')).toEqual([1, 4, 5]);
    sqlite.close();
  });

  it("folds every character it looks up as SQLite's trigram index stores it", () => {
    const sqlite = new Database(':memory:');
    sqlite.exec(`CREATE VIRTUAL TABLE f USING fts5(t, content='', tokenize='trigram');
      CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')`);
    const insert = sqlite.prepare('INSERT INTO f (rowid, t) VALUES (?, ?)');
    const expected = new Map<number, string>();
    sqlite.transaction(() => {
      for (let code = 0x20; code < 0x10000; code += 1) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const prefix = nameMatch(String.fromCharCode(code))?.prefix;
        if (!prefix) continue;
        expected.set(code, prefix.from);
        insert.run(code, `${String.fromCharCode(code)}\n\n`);
      }
    })();
    const stored = new Map(
      (sqlite.prepare('SELECT doc, term FROM v').all() as { doc: number; term: string }[]).map((row) => [
        row.doc,
        Array.from(row.term)[0],
      ]),
    );
    const differing = [...expected].filter(([code, folded]) => stored.get(code) !== folded);
    expect(differing.map(([code]) => code.toString(16))).toEqual([]);
    // ASCII letters, digits, Hebrew, Arabic and CJK are all looked up.
    for (const char of ['A', 'z', '5', '@', 'ש', 'ع', '明'])
      expect(expected.has(char.charCodeAt(0)), char).toBe(true);
    sqlite.close();
  });
});
