import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths.js';

/** The version in package.json, read once at start. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
