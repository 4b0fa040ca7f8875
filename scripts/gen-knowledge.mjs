#!/usr/bin/env node
// Generates server/src/engine/knowledge/api.generated.json from the per-release Gradio API tables
// (gradio-api/*.json, extracted statically from Gradio's source). The project ships the generated file and
// never needs the tables at run time:   node scripts/gen-knowledge.mjs [path/to/gradio-api]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = process.argv[2] ?? join(root, '..', 'shared', 'gradio-api');
const out = join(root, 'server/src/engine/knowledge/api.generated.json');

const KIND = { positional: 'p', keyword_only: 'k', var_positional: '*', var_keyword: '**', positional_only: '/' };
const param = (p) => {
  const o = { n: p.name, k: KIND[p.kind] };
  if (p.default !== null) o.d = p.default;
  if (p.annotation !== null) o.a = p.annotation;
  return o;
};
const params = (list) => (list ?? []).map(param);

function version(file) {
  const d = JSON.parse(readFileSync(file, 'utf8'));
  const byName = new Map(Object.entries(d.classes).map(([key, c]) => [c.name, key]));
  const classKey = (name) => (d.classes[name] ? name : byName.get(name));
  const entry = (e) => {
    const o = { k: e.kind };
    if (e.key) o.t = e.key;
    return o;
  };
  const table = (t) => Object.fromEntries(Object.entries(t).map(([n, e]) => [n, entry(e)]));
  const classes = {};
  for (const [key, c] of Object.entries(d.classes)) {
    const initOwner = c.init ? c : d.classes[classKey(c.init_from)] ?? null;
    const methods = {};
    for (const [m, owner] of Object.entries(c.methods_from ?? {})) {
      const ownerClass = owner === c.name ? c : d.classes[classKey(owner)];
      const sig = ownerClass?.methods?.[m];
      if (sig) methods[m] = params(sig.params);
    }
    classes[key] = {
      name: c.name,
      mro: c.mro.filter((b) => !b.startsWith('external:')),
      init: initOwner?.init ? params(initOwner.init) : null,
      events: c.events_effective ?? [],
      ...(Object.keys(methods).length ? { methods } : {}),
    };
  }
  const functions = Object.fromEntries(
    Object.entries(d.functions).map(([key, f]) => [key, { name: f.name, params: params(f.params) }]),
  );
  const el = d.event_listener;
  return {
    exports: table(d.exports),
    namespaces: Object.fromEntries(Object.entries(d.namespaces).map(([ns, t]) => [ns, table(t)])),
    classes,
    functions,
    listener: {
      params: params(el.params),
      events: el.catalog,
      dependencyEvents: el.dependency_events ?? [],
      onParams: params(el.on_params),
    },
  };
}

const files = readdirSync(src).filter((f) => /^gradio-[\d.]+\.json$/.test(f));
const versions = files.map((f) => f.slice(7, -5)).sort((a, b) => {
  const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
});
const apis = Object.fromEntries(versions.map((v) => [v, version(join(src, `gradio-${v}.json`))]));
writeFileSync(out, JSON.stringify({ versions, apis }) + '\n');
console.log(`wrote ${out} (${versions.join(', ')})`);
