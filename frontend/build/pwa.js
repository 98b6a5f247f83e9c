// Two small build plugins, so the PWA and the compression need no extra dependency:
// - serviceWorker(): emits /sw.js from build/sw.js with the app shell's file list and a version
// - precompress(): writes .gz and .br next to every compressible file of the build output
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const template = new URL('./sw.js', import.meta.url);

export function serviceWorker() {
  return {
    name: 'wificore-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shell = new Set(['/', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon.svg']);
      for (const file of Object.values(bundle)) {
        // the entry and what it imports statically: what the first paint needs
        if (file.type === 'chunk' && file.isEntry) {
          shell.add('/' + file.fileName);
          for (const imported of file.imports) shell.add('/' + imported);
          for (const css of file.viteMetadata?.importedCss ?? []) shell.add('/' + css);
        }
      }
      const list = [...shell].sort();
      const version = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(template, 'utf8')
        .replace('__SHELL__', JSON.stringify(list))
        .replace('__VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

export function precompress({ minBytes = 512 } = {}) {
  let outDir;
  return {
    name: 'wificore-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const path of walk(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue;
        const body = readFileSync(path);
        if (body.length < minBytes) continue;
        writeFileSync(path + '.gz', gzipSync(body, { level: 9 }));
        writeFileSync(path + '.br', brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }));
      }
    },
  };
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
