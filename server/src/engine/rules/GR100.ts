import type { Rule, RuleContext, FixSpec, OffsetEdit } from './types';
import type { Node } from '../parse';
import type { CallSite } from '../model/types';
import { api } from '../knowledge';
import { callParams } from '../knowledge/signatures';
import { LEGACY_DEFAULTS, LEGACY_KEYWORDS, REMOVED_NAMES } from '../knowledge/migrations';
import { appendArgument } from './edits';
import { lineStartAt } from '../tree';
import { gradioPrefix, literalOf, nameRefs, phase, removeArguments, replaceNode, targetHas, text } from './migration';

const WHEN = { removed: '4.0.0' };
const LEGACY = new Set(['inputs', 'outputs']);
const MIX = new Set(['Parallel', 'Series']);

export const GR100: Rule = {
  code: 'GR100',
  title: '`gradio.inputs`, `gradio.outputs` and `gradio.mix` removed',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports the 2.x/3.x component namespaces \`gr.inputs.X\` and \`gr.outputs.X\` (and their imports), and
\`gr.Parallel\` / \`gr.Series\` from \`gradio.mix\`. Gradio 4.0 deleted these modules.

## Why is this bad?
\`AttributeError\` or \`ImportError\` before the app is built.

## Example
\`\`\`python
demo = gr.Interface(
    answer,
    inputs=gr.inputs.Textbox(lines=3, default="What is Gradio?"),
    outputs=gr.outputs.Textbox(),
)
\`\`\`

Use instead:
\`\`\`python
demo = gr.Interface(
    answer,
    inputs=gr.Textbox(lines=3, value="What is Gradio?"),
    outputs=gr.Textbox(),
)
\`\`\`

## Fix
Rewrites \`gr.inputs.X(...)\` as \`gr.X(...)\` the way the 3.x wrapper called the component: positional
arguments become keywords, \`default=\` becomes \`value=\`, the keywords the wrapper ignored (\`optional=\`, ...)
are dropped, and defaults that differ are spelled out (\`gr.inputs.Dataframe\` had 3 rows and 3 columns).
\`from gradio.inputs import X\` becomes \`from gradio import X\` with the same rewrite of each call. Safe; keywords
that later releases removed (\`source=\`, \`shape=\`, ...) are then reported by their own rules.
\`gr.Parallel\` and \`gr.Series\` have no replacement: build the app with \`gr.Blocks\`.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    const gr = gradioPrefix(ctx.model);
    // gr.inputs.X / inputs.X references (calls or not), reported at `gr.inputs.X` (which covers `gr.inputs`).
    for (const ref of ctx.model.refs) {
      if (!LEGACY.has(ref.namespace) || ref.node.type !== 'attribute') continue;
      const path = `${ref.namespace}.${ref.name}`;
      const target = legacyTarget(path);
      const parent = ref.node.parent;
      const call = parent?.type === 'call' && parent.childForFieldName('function')?.id === ref.node.id
        ? ctx.model.callAt(parent) : undefined;
      const fixes: FixSpec[] = [];
      const object = ref.node.childForFieldName('object')!;
      const base = object.type === 'attribute' ? `${text(ctx, object.childForFieldName('object')!)}.` : gr;
      if (target && base && targetHas(ctx, target)) {
        const callee = replaceNode(ref.node, `${base}${target}`);
        if (call) {
          const args = legacyArgs(ctx, call, path);
          if (args) fixes.push({ title: `Use \`gr.${target}(...)\``, safe: args.safe, edits: [callee, ...args.edits] });
        } else fixes.push({ title: `Use \`gr.${target}\``, safe: false, edits: [callee] });
      }
      ctx.report({
        node: ref.node,
        message: `\`gradio.${path}\` was removed in Gradio 4.0: ${target && targetHas(ctx, target) ? `use \`gr.${target}\`` : 'the component has no replacement'}`,
        fixes,
      });
    }
    // from gradio import inputs / outputs / mix
    for (const ref of ctx.model.refs) {
      if (ref.namespace !== '' || ref.node.type === 'attribute' || !(LEGACY.has(ref.name) || ref.name === 'mix')) continue;
      const fix = unusedImportFix(ctx, ref.node);
      ctx.report({
        node: ref.node,
        message: `\`gradio.${ref.name}\` was removed in Gradio 4.0: ${ref.name === 'mix' ? 'build the app with `gr.Blocks`' : 'use the components from `gradio` directly (`gr.Textbox`, ...)'}`,
        fixes: fix ? [fix] : [],
      });
    }
    // gr.mix.X, gr.Parallel, gr.Series
    for (const ref of ctx.model.refs) {
      if (ref.namespace === '' && ref.name === 'mix' && ref.node.type === 'attribute') {
        const parent = ref.node.parent?.type === 'attribute' ? ref.node.parent : ref.node;
        ctx.report({ node: parent, message: '`gradio.mix` was removed in Gradio 4.0: build the app with `gr.Blocks` and call the functions yourself' });
      }
    }
    for (const ref of nameRefs(ctx.model, MIX)) {
      if (ctx.apis.some((a) => a.resolve(ref.name))) continue;
      ctx.report({ node: ref.node, message: `\`gradio.${ref.name}\` was removed in Gradio 4.0: ${REMOVED_NAMES[ref.name].advice}` });
    }
    // import gradio.inputs / from gradio.inputs import X / from gradio.mix import X
    for (const stmt of ctx.model.root.namedChildren) {
      if (!stmt) continue;
      if (stmt.type === 'import_statement') {
        for (const c of stmt.namedChildren) {
          const dotted = c?.type === 'aliased_import' ? c.childForFieldName('name') : c;
          const m = dotted?.type === 'dotted_name' ? /^gradio\.(inputs|outputs|mix)$/.exec(dotted.text) : null;
          if (!dotted || !m) continue;
          const fix = c?.type === 'aliased_import' ? unusedImportFix(ctx, dotted) : undefined;
          ctx.report({ node: dotted, message: `\`gradio.${m[1]}\` was removed in Gradio 4.0`, fixes: fix ? [fix] : [] });
        }
      } else if (stmt.type === 'import_from_statement') {
        const mod = stmt.childForFieldName('module_name');
        const m = mod?.type === 'dotted_name' ? /^gradio\.(inputs|outputs|mix)$/.exec(mod.text) : null;
        if (!mod || !m) continue;
        const fix = m[1] === 'mix' ? undefined : fromImportFix(ctx, stmt, mod, m[1]);
        ctx.report({
          node: mod,
          message: `\`gradio.${m[1]}\` was removed in Gradio 4.0: ${m[1] === 'mix' ? 'build the app with `gr.Blocks`' : 'import the components from `gradio`'}`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

/** The component a legacy class wrapped (`inputs.Textbox` -> `Textbox`, `inputs.Image3D` -> `Model3D`). */
function legacyTarget(path: string): string | undefined {
  const r = api('3.50.2').resolve(path);
  if (r?.kind !== 'class') return undefined;
  const wrapped = r.info.mro[1];
  return wrapped && api('3.50.2').resolve(wrapped)?.kind === 'class' && wrapped !== 'IOComponent' && wrapped !== 'Changeable' ? wrapped : undefined;
}

/** The argument edits that call the component the way the legacy wrapper did. */
function legacyArgs(ctx: RuleContext, call: CallSite, path: string): { edits: OffsetEdit[]; safe: boolean } | undefined {
  if (call.args.starArgs || call.args.starKwargs || !call.args.list) return undefined;
  const legacy = callParams(api('3.50.2'), path);
  const target = legacyTarget(path);
  if (!legacy || !target) return undefined;
  const own = callParams(api('3.50.2'), target) ?? [];
  const ownNames = new Set(own.filter((p) => p.k === 'p' || p.k === 'k').map((p) => p.n));
  const renames = { ...LEGACY_KEYWORDS['*'], ...(LEGACY_KEYWORDS[target] ?? {}) };
  const mapName = (n: string) => renames[n] ?? n;
  let safe = true;
  const drop: Node[] = [];
  const edits: OffsetEdit[] = [];
  const given = new Set<string>();
  const positional = legacy.filter((p) => p.k === 'p' || p.k === '/');
  call.args.positional.forEach((arg, i) => {
    const p = positional[i];
    if (!p) { safe = false; return; }
    given.add(p.n);
    const name = mapName(p.n);
    if (!ownNames.has(name)) drop.push(arg);
    else edits.push(replaceNode(arg, `${name}=${text(ctx, arg)}`));
  });
  for (const kw of call.args.keywords.values()) {
    given.add(kw.name);
    if (kw.name === 'plot') { drop.push(kw.node); if (literalOf(kw.value) !== false) safe = false; continue; }
    const name = mapName(kw.name);
    if (!ownNames.has(name)) drop.push(kw.node);
    else if (name !== kw.name) edits.push(replaceNode(kw.nameNode, name));
  }
  const defaults = LEGACY_DEFAULTS[path] ?? {};
  const added = Object.entries(defaults).filter(([k]) => !given.has(k)).map(([k, v]) => `${k}=${v}`).join(', ');
  const kept = call.args.list.namedChildren.filter((c) => c && c.type !== 'comment' && !drop.some((d) => d.id === c.id));
  // Nothing kept: one edit writes the whole argument list.
  if (!kept.length) return { edits: [{ start: call.args.list.startIndex + 1, end: call.args.list.endIndex - 1, text: added }], safe };
  edits.push(...removeArguments(drop));
  if (added) edits.push(appendArgument(ctx.text, call.args.list, added));
  return { edits, safe };
}

/** `from gradio.inputs import Textbox as T` -> `from gradio import Textbox as T`, and each call of `T` rewritten. */
function fromImportFix(ctx: RuleContext, stmt: Node, mod: Node, namespace: string): FixSpec | undefined {
  const edits: OffsetEdit[] = [replaceNode(mod, 'gradio')];
  let safe = true;
  for (const c of stmt.namedChildren) {
    if (!c || c.id === mod.id) continue;
    const nameNode = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
    if (!nameNode || nameNode.type !== 'dotted_name') continue;
    const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text ?? nameNode.text : nameNode.text;
    const path = `${namespace}.${nameNode.text}`;
    const target = legacyTarget(path);
    if (!target || !targetHas(ctx, target)) return undefined;
    if (target !== nameNode.text) edits.push(replaceNode(nameNode, c.type === 'aliased_import' ? target : `${target} as ${local}`));
    for (const call of ctx.model.calls) {
      if (call.callee.type !== 'identifier' || call.callee.text !== local || ctx.model.pathOf(call.callee) !== path) continue;
      const args = legacyArgs(ctx, call, path);
      if (!args) return undefined;
      safe &&= args.safe;
      edits.push(...args.edits);
    }
  }
  return { title: 'Import the components from `gradio` and update their calls', safe, edits };
}

/** Deletes an import of a removed module (`from gradio import inputs`, `import gradio.inputs as gi`) once nothing
 *  else in the file mentions its local name. */
function unusedImportFix(ctx: RuleContext, name: Node): FixSpec | undefined {
  const item = name.parent?.type === 'aliased_import' ? name.parent : name;
  const stmt = item.parent;
  if (!stmt || (stmt.type !== 'import_from_statement' && stmt.type !== 'import_statement') || stmt.parent?.type !== 'module') return undefined;
  const local = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : name.text;
  if (!local) return undefined;
  const mentions = ctx.text.match(new RegExp(`\\b${local}\\b`, 'g'))?.length ?? 0;
  const own = stmt.text.match(new RegExp(`\\b${local}\\b`, 'g'))?.length ?? 0;
  if (mentions > own) return undefined;
  const module = stmt.childForFieldName('module_name');
  const names = stmt.namedChildren.filter((c) => c && c.id !== module?.id && c.type !== 'comment') as Node[];
  const i = names.findIndex((c) => c.id === item.id);
  let edit: OffsetEdit;
  if (names.length === 1) {
    const start = lineStartAt(ctx.text, stmt.startIndex);
    const rest = /^[ \t]*(#[^\r\n]*)?(\r\n|\r|\n)?/.exec(ctx.text.slice(stmt.endIndex))!;
    edit = { start, end: stmt.endIndex + rest[0].length, text: '' };
  } else if (i < names.length - 1) edit = { start: item.startIndex, end: names[i + 1].startIndex, text: '' };
  else edit = { start: names[i - 1].endIndex, end: item.endIndex, text: '' };
  return { title: 'Remove the unused import', safe: true, edits: [edit] };
}
