import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Tests that run processes run the built code: build once if any of `files` (paths from the
 * workspace root, e.g. `dist/apps/stock-ledger/src/main.js`) is missing.
 */
export function ensureBuilt(files: string[]): void {
  if (files.every((file) => existsSync(join(ROOT, file)))) return;
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}
