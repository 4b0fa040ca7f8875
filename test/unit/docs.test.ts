import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RULES } from '../../server/src/engine';

test('every rule documents what, why and an example', () => {
  for (const r of RULES) {
    assert.match(r.code, /^GR\d{3}$/);
    for (const h of ['## What it does', '## Why is this bad?', '## Example']) assert.ok(r.docs.includes(h), `${r.code} docs lack "${h}"`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity));
  }
  assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length, 'duplicate rule codes');
});

test('generated docs are up to date', () => {
  execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../scripts/gen-docs.ts'), '--check'], { stdio: 'pipe' });
});
