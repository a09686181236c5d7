import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the end-to-end tests leave their screenshots (git-ignored). */
export const ARTIFACTS = resolve('artifacts/e2e');
mkdirSync(ARTIFACTS, { recursive: true });
