import { describe, expect, it } from 'vitest';
import { detectDelimiter, guessColumns, parseCsv, readCsvTable } from './csv.js';

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, CRLF and a BOM', () => {
    const text = '\uFEFFphone,name,note\r\n+972501,"Cohen, Dana","said ""hi""\nthen left"\r\n972502,Avi,\r\n';
    expect(parseCsv(text)).toEqual([
      ['phone', 'name', 'note'],
      ['+972501', 'Cohen, Dana', 'said "hi"\nthen left'],
      ['972502', 'Avi', ''],
    ]);
  });

  it('detects semicolon and tab exports', () => {
    expect(detectDelimiter('Phone;Name\n1;2')).toBe(';');
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keys rows by header, skipping blank lines, and guesses the phone and name columns', () => {
    const table = readCsvTable(
      'First name,Mobile,City\nDana,+972 50-111-2222,Haifa\n\n,,\nAvi,0501234567,\n',
    );
    expect(table.headers).toEqual(['First name', 'Mobile', 'City']);
    expect(table.records).toEqual([
      { 'First name': 'Dana', Mobile: '+972 50-111-2222', City: 'Haifa' },
      { 'First name': 'Avi', Mobile: '0501234567', City: '' },
    ]);
    expect(guessColumns(table)).toEqual({ phone: 'Mobile', name: 'First name' });
  });

  it('guesses the phone column from the values when no header says so', () => {
    const table = readCsvTable('who,contact\nDana,+972501112222\nAvi,+972501112223\n');
    expect(guessColumns(table).phone).toBe('contact');
  });

  it('names empty and duplicate headers', () => {
    expect(readCsvTable('phone,,phone\n1,2,3').headers).toEqual(['phone', 'column 2', 'phone 2']);
  });
});
