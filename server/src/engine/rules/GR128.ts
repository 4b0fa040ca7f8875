import type { Rule } from './types';
import type { Node } from '../parse';
import { dottedName } from '../tree';
import { phase, removeKeyword, renameKeyword } from './migration';

const WHEN = { removed: '6.0.0' };

export const GR128: Rule = {
  code: 'GR128',
  title: '`gradio_client`: `hf_token=` renamed to `token=`; `deploy_discord` removed',
  severity: 'error',
  versions: '>=6.0.0',
  gradioClient: true,
  docs: `
## What it does
Reports \`Client(..., hf_token=...)\` (and \`Client.duplicate(..., hf_token=...)\`) and \`client.deploy_discord(...)\`
from \`gradio_client\`. \`gradio_client\` 2.0, which ships with Gradio 6, renamed the keyword to \`token\` and
dropped \`deploy_discord\`. Scripts that import only \`gradio_client\` are checked too.

## Why is this bad?
\`TypeError\` on the unknown keyword; \`AttributeError\` for the removed method.

## Example
\`\`\`python
from gradio_client import Client
client = Client("acme/private-space", hf_token=HF_TOKEN)
\`\`\`

Use instead:
\`\`\`python
client = Client("acme/private-space", token=HF_TOKEN)
\`\`\`

## Fix
Renames \`hf_token=\` to \`token=\` (safe). \`deploy_discord\` has no replacement (see Gradio's guide on Discord bots).
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    const { clients, modules } = clientNames(ctx.model.root);
    if (!clients.size && !modules.size) return;
    const isClient = (callee: Node) => {
      const name = dottedName(callee);
      if (!name) return false;
      const parts = name.split('.');
      if (parts.length === 1) return clients.has(parts[0]);
      if (parts.length === 2) return (modules.has(parts[0]) && parts[1] === 'Client') || (clients.has(parts[0]) && parts[1] === 'duplicate');
      return parts.length === 3 && modules.has(parts[0]) && parts[1] === 'Client' && parts[2] === 'duplicate';
    };
    for (const call of ctx.model.calls) {
      if (isClient(call.callee)) {
        const kw = call.args.keywords.get('hf_token');
        if (!kw) continue;
        const clash = call.args.keywords.has('token');
        ctx.report({
          node: kw.node,
          message: '`hf_token=` was renamed to `token=` in gradio_client 2.0 (Gradio 6)',
          fixes: [clash
            ? { title: 'Remove `hf_token=`', safe: false, edits: [removeKeyword(kw)] }
            : { title: 'Rename to `token=`', safe: true, edits: [renameKeyword(kw, 'token')] }],
        });
      } else if (call.callee.type === 'attribute' && call.callee.childForFieldName('attribute')?.text === 'deploy_discord') {
        ctx.report({
          node: call.node,
          message: '`Client.deploy_discord()` was removed in gradio_client 2.0 (Gradio 6): build the bot with a Discord library and call the Space with `Client.predict`',
        });
      }
    }
  },
};

/** Local names of `gradio_client.Client` and of the `gradio_client` module, from module-level imports. */
function clientNames(root: Node): { clients: Set<string>; modules: Set<string> } {
  const clients = new Set<string>();
  const modules = new Set<string>();
  for (const stmt of root.namedChildren) {
    if (stmt?.type === 'import_from_statement') {
      const mod = stmt.childForFieldName('module_name');
      if (mod?.text !== 'gradio_client' && mod?.text !== 'gradio_client.client') continue;
      for (const c of stmt.namedChildren) {
        if (!c || c.id === mod.id) continue;
        const name = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
        const local = c.type === 'aliased_import' ? c.childForFieldName('alias')?.text : name?.text;
        if (name?.text === 'Client' && local) clients.add(local);
      }
    } else if (stmt?.type === 'import_statement') {
      for (const c of stmt.namedChildren) {
        const name = c?.type === 'aliased_import' ? c.childForFieldName('name') : c;
        if (name?.text !== 'gradio_client') continue;
        modules.add(c?.type === 'aliased_import' ? c.childForFieldName('alias')?.text ?? 'gradio_client' : 'gradio_client');
      }
    }
  }
  return { clients, modules };
}
