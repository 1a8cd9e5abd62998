// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Runs the browser tests against a real onestory server:
//   node tests/e2e/run.mjs [path/to/onestory] [test files...]
// It generates the synthetic demo data into a fresh directory, serves it on a
// free port with a manual test clock, runs every *.test.mjs here with Node's
// own test runner (one file at a time: they share the server and its clock),
// then stops the server and prints where the screenshots and figures are.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const binary = resolve(process.argv[2] ?? join(root, 'build', 'release', 'src', 'cli', 'onestory'));
const only = process.argv.slice(3);
const outDir = resolve(process.env.ONESTORY_E2E_OUT ?? join(root, 'test-output'));

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!existsSync(binary)) fail(`no onestory binary at ${binary}`);
rmSync(join(outDir, 'screenshots'), { recursive: true, force: true });
rmSync(join(outDir, 'figures.json'), { force: true });
mkdirSync(join(outDir, 'screenshots'), { recursive: true });

const scratch = mkdtempSync(join(tmpdir(), 'onestory-e2e-'));
const data = join(scratch, 'data');
let server = null;

function cleanUp() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const generated = spawnSync(binary, ['demo', '--data', data, '--generate-only'], { encoding: 'utf8' });
if (generated.status !== 0) fail(`demo data generation failed:\n${generated.stderr}`);

// The manual clock starts at the real time, so the demo data is recent.
const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
server = spawn(binary, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--test-clock', now, '--no-fsync'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
server.stderr.on('data', (chunk) => {
  serverLog += chunk;
});
const url = await new Promise((resolveUrl, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('the server did not start within 30 s')), 30000);
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = out.match(/listening on (http:\/\/\S+)/);
    if (m) {
      clearTimeout(timer);
      resolveUrl(m[1]);
    }
  });
  server.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${serverLog}`)));
}).catch((e) => fail(e.message));
console.log(`e2e: onestory at ${url}`);

const files = (only.length ? only : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()).map((f) =>
  resolve(here, f),
);
const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, ONESTORY_E2E_URL: url, ONESTORY_E2E_OUT: outDir },
});
const code = await new Promise((r) => tests.on('exit', (c, signal) => r(c ?? (signal ? 1 : 0))));

server.kill('SIGTERM');
await new Promise((r) => (server.exitCode === null ? server.on('exit', r) : r()));
if (server.exitCode !== 0 && server.signalCode === null) {
  console.error(`e2e: the server exited with ${server.exitCode}:\n${serverLog}`);
}

const figures = join(outDir, 'figures.json');
if (existsSync(figures)) {
  console.log('e2e: figures');
  for (const [name, value] of Object.entries(JSON.parse(readFileSync(figures, 'utf8')))) {
    console.log(`  ${name}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  }
}
const shots = readdirSync(join(outDir, 'screenshots')).filter((f) => f.endsWith('.png'));
console.log(`e2e: ${shots.length} screenshots in ${join(outDir, 'screenshots')}`);
process.exit(code);
