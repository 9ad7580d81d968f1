import { describe, expect, it } from 'vitest';
import { shellWords } from './shell-words.js';

describe('the desktop shell words', () => {
  it("speak the first of the computer's languages that Chatdock knows, else English", () => {
    expect(shellWords(['he-IL', 'en-US']).quit).toBe('יציאה מ-Chatdock');
    expect(shellWords(['fr-FR', 'pt-BR']).open).toBe('Abrir o Chatdock');
    expect(shellWords(['fr-FR']).couldNotStart).toBe('Chatdock could not start');
  });
});
