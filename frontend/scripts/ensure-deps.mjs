// Runs `npm ci` when node_modules is missing or older than package-lock.json (the Maven build
// calls this, so repeated builds don't reinstall; a clean clone always installs from the lock).
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json'; // npm writes it at the end of every install
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('frontend: npm ci');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
} else {
  console.log('frontend: node_modules up to date');
}
