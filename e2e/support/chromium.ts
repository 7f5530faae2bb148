import { existsSync } from 'node:fs';

/** Debian's Chromium (never a downloaded browser): CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium introuvable (${path}). Installez-le (apt-get install chromium) ou indiquez CHROMIUM_PATH.`);
  }
  return path;
}

/** As root in a container, and quiet on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
