// Lint rules, including the layer boundaries of docs/ARCHITECTURE.md:
// 'electron' only in src-main/electron/, Baileys only in src-main/wa/ (and the test WhatsApp
// server), and no Node or Electron in src-shared/ and src-renderer/.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layerBoundaries from './scripts/lint/layer-boundaries.js';

// Bare names are matched exactly (`paths`), so '../transport/http' is not mistaken for 'http'.
const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'zlib',
  'events',
  'worker_threads',
];

const noElectron = {
  group: ['electron', 'electron/*'],
  message: "'electron' may only be imported in src-main/electron/.",
};
const noBaileys = {
  group: ['@whiskeysockets/baileys', '@whiskeysockets/baileys/*', 'baileys'],
  message: 'Baileys may only be imported in src-main/wa/.',
};
const nodeMessage = 'Shared and renderer code must not use Node built-ins.';
const noNode = { group: ['node:*'], message: nodeMessage };
const noNodePaths = NODE_BUILTINS.map((name) => ({ name, message: nodeMessage }));

// `.only` on Vitest's and Playwright's test functions: describe/it/test and test.describe/test.step.
const TEST_FUNCTIONS = 'describe|it|test|suite|bench';
const noFocusedTests = [
  `MemberExpression[property.name='only'][object.name=/^(${TEST_FUNCTIONS})$/]`,
  `MemberExpression[property.name='only'][object.type='MemberExpression'][object.object.name=/^(${TEST_FUNCTIONS})$/]`,
].map((selector) => ({
  selector,
  message: 'Focused tests (.only) must not be committed: they skip the rest of the suite.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'src-main/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [noElectron, noBaileys] }],
      // A focused test (`it.only`, `test.describe.only`, …) silently skips the rest of the suite.
      'no-restricted-syntax': ['error', ...noFocusedTests],
    },
  },
  {
    // Which folder may import which (docs/ARCHITECTURE.md), judged on resolved paths.
    files: ['src-main/**', 'src-shared/**', 'src-renderer/**'],
    plugins: { chatdock: { rules: { 'layer-boundaries': layerBoundaries } } },
    rules: { 'chatdock/layer-boundaries': 'error' },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noBaileys] }] },
  },
  {
    files: ['src-main/electron/**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests drive a real Baileys customer against the local WhatsApp server.
    files: ['src-main/wa/**', 'testkit/**', 'src-main/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['src-shared/**', 'src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: noNodePaths, patterns: [noElectron, noBaileys, noNode] }],
    },
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
