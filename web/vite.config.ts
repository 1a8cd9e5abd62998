// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Builds the web app into dist/, which the C++ build embeds into the onestory
// binary. The output must run under the server's Content-Security-Policy
// (script-src 'self', style-src 'self'): no inline scripts or styles, so the
// module-preload polyfill (an inline script) is off. Text assets get a
// gzip-compressed twin (name.gz) that the server sends when the browser
// accepts gzip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const kCompressible = /\.(html|js|mjs|css|svg|json|txt|webmanifest)$/;

function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'onestory-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!kCompressible.test(file)) continue;
        const bytes = readFileSync(file);
        const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
        // Only worth serving when it is smaller.
        if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    target: 'es2020',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    sourcemap: false,
  },
  plugins: [precompress()],
});
