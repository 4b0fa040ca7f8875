import type { Rule, RuleContext, FixSpec } from './types';
import type { Component, FunctionInfo, Listener } from '../model/types';
import type { Node } from '../parse';
import { stringValue } from '../tree';
import { boundParams, componentType, isRebound, qualifiedName, usageOf, usesOf, wiredHere } from './body';
import { appendArgument } from './edits';

/** What a handler parameter holds, by component and `type=`. */
type Kind = 'ndarray' | 'pil' | 'path' | 'audio' | 'bytes';
/** What a use of the parameter needs. `indexable` fits everything but a PIL image; `unpack` needs a pair. */
type Need = 'ndarray' | 'pil' | 'path' | 'bytes' | 'fileobj' | 'indexable' | 'unpack';

const KIND_LABEL: Record<Kind, string> = {
  ndarray: 'a numpy array', pil: 'a PIL image', path: 'a file path (str)', audio: 'a (sample_rate, data) tuple', bytes: 'bytes',
};

const NUMPY_ATTRS = new Set(['shape', 'dtype', 'ndim', 'astype', 'reshape', 'flatten', 'ravel', 'squeeze', 'nbytes',
  'itemsize', 'T', 'mean', 'std', 'clip', 'max', 'min', 'sum', 'argmax', 'argmin']);
const PIL_ATTRS = new Set(['convert', 'save', 'thumbnail', 'crop', 'rotate', 'paste', 'getpixel', 'putpixel', 'mode',
  'width', 'height', 'getbbox', 'quantize', 'filter', 'getdata', 'putalpha', 'getchannel', 'getexif', 'resize']);
const FILE_METHODS = new Set(['read', 'readlines', 'readline', 'seek']);
/** Functions whose first argument is a path (or a file). */
const PATH_FUNCTIONS = new Set(['open', 'io.open', 'PIL.Image.open', 'cv2.imread', 'librosa.load', 'soundfile.read',
  'soundfile.info', 'wave.open', 'pydub.AudioSegment.from_file', 'pydub.AudioSegment.from_wav',
  'pydub.AudioSegment.from_mp3', 'torchaudio.load', 'scipy.io.wavfile.read']);
const CV2_NOT_ARRAY = new Set(['cv2.imread', 'cv2.imreadmulti', 'cv2.VideoCapture', 'cv2.imwrite']);

export const GR210: Rule = {
  code: 'GR210',
  title: 'Component value used as the wrong kind of object',
  severity: 'warning',
  versions: '*',
  docs: `
## What it does
Checks how a handler uses the value of a \`gr.Image\`, \`gr.Audio\`/\`gr.Microphone\`, \`gr.File\` or
\`gr.UploadButton\` input against what that component's \`type=\` passes (the target version's default when
\`type\` is not given):
- numpy operations (\`.shape\`, \`.astype()\`, indexing, \`cv2\` functions) on an Image with \`type="pil"\` or
  \`"filepath"\`;
- PIL methods (\`.convert()\`, \`.save()\`, \`.resize()\`, \`ImageDraw.Draw(...)\`) on an Image with \`type="numpy"\`
  (the default) or \`"filepath"\`;
- \`open()\`, \`Image.open()\`, \`librosa.load()\` ... on a value that is not a path (numpy, PIL, bytes);
- \`.decode()\` on a \`"filepath"\` string, and file-object methods (\`.read()\`) on a path or bytes;
- array methods on the \`(sample_rate, data)\` tuple of an Audio with \`type="numpy"\`, and unpacking a path.

Only unambiguous evidence counts: a parameter that the handler reassigns, tests with \`isinstance\`, or uses in
\`try\`, and uses pointing at two different kinds, are left alone.

## Why is this bad?
The call fails with \`AttributeError\` or \`TypeError\` (or reads a nonsense path) as soon as a user submits.

## Example
\`\`\`python
def grayscale(img):
    return img.convert("L")

gr.Interface(grayscale, gr.Image(), gr.Image())
\`\`\`

Use instead:
\`\`\`python
gr.Interface(grayscale, gr.Image(type="pil"), gr.Image())
\`\`\`

## Fix
Sets the component's \`type=\` to the kind the handler expects, when that component feeds only this handler (not
part of fix-all).
`,
  check(ctx) {
    // Each handler parameter, with every (listener, component) that feeds it.
    const feeds = new Map<string, { fn: FunctionInfo; name: string; items: { l: Listener; c: Component | null }[] }>();
    const inputUses = new Map<Component, number>();
    for (const l of ctx.model.listeners) {
      const bound = boundParams(ctx.model, l);
      for (const item of l.inputs.items) if (item.component) inputUses.set(item.component, (inputUses.get(item.component) ?? 0) + 1);
      if (!bound || !l.handler) continue;
      for (const b of bound) {
        const key = `${l.handler.node.id}:${b.param.name}`;
        let f = feeds.get(key);
        if (!f) feeds.set(key, (f = { fn: l.handler, name: b.param.name, items: [] }));
        f.items.push({ l, c: b.item.component });
      }
    }
    for (const { fn, name, items } of feeds.values()) {
      const kinds = new Set(items.map((x) => (x.c ? kindOf(ctx, x.c) : undefined)));
      if (kinds.size !== 1) continue;
      const kind = [...kinds][0];
      if (!kind || isRebound(fn, name)) continue;
      const uses = needs(ctx, fn, name);
      if (!uses) continue;
      const distinct = new Set(uses.map((u) => u.need));
      distinct.delete('indexable');
      if (distinct.size > 1) continue;
      const bad = uses.find((u) => mismatch(kind, u.need) !== undefined);
      if (!bad) continue;
      const wanted = mismatch(kind, bad.need)!;
      const { l, c } = items[0];
      const comp = c!;
      const fix = wanted.type && items.length === 1 && inputUses.get(comp) === 1 ? switchType(ctx, comp, wanted.type) : undefined;
      ctx.report({
        node: bad.node,
        related: [wiredHere(l), { node: comp.call.node, message: `the gr.${comp.className} that passes ${KIND_LABEL[kind]}` }],
        message: `\`${name}\` is ${KIND_LABEL[kind]} (gr.${comp.className} with type="${componentType(ctx.apis, comp)}"), but ${bad.what}${wanted.advice}`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

function kindOf(ctx: RuleContext, c: Component): Kind | undefined {
  const type = componentType(ctx.apis, c);
  switch (c.className) {
    case 'Image':
      return type === 'numpy' ? 'ndarray' : type === 'pil' ? 'pil' : type === 'filepath' ? 'path' : undefined;
    case 'Audio': case 'Microphone':
      return type === 'numpy' ? 'audio' : type === 'filepath' ? 'path' : undefined;
    case 'File': case 'UploadButton': {
      const count = c.call.args.keywords.get('file_count');
      if (count && stringValue(count.value) !== 'single') return undefined;
      return type === 'filepath' ? 'path' : type === 'binary' || type === 'bytes' ? 'bytes' : undefined;
    }
  }
  return undefined;
}

interface Use { node: Node; need: Need; what: string }

/** How the handler uses the parameter, or undefined when it hedges (isinstance/hasattr/type checks, try blocks). */
function needs(ctx: RuleContext, fn: FunctionInfo, name: string): Use[] | undefined {
  const out: Use[] = [];
  for (const id of usesOf(fn, name)) {
    for (let a = id.parent; a && a.id !== fn.node.id; a = a.parent) if (a.type === 'try_statement') return undefined;
    const u = usageOf(id);
    switch (u.kind) {
      case 'attribute': {
        const what = u.call ? `\`.${u.attr}()\`` : `\`.${u.attr}\``;
        if (NUMPY_ATTRS.has(u.attr)) out.push({ node: u.node, need: 'ndarray', what: `${what} is a numpy array attribute` });
        else if (PIL_ATTRS.has(u.attr)) out.push({ node: u.node, need: 'pil', what: `${what} is a PIL image method` });
        else if (u.attr === 'decode' && u.call) out.push({ node: u.node, need: 'bytes', what: '`.decode()` needs bytes' });
        else if (FILE_METHODS.has(u.attr) && u.call) out.push({ node: u.node, need: 'fileobj', what: `${what} needs an open file` });
        else if (u.attr === 'name' && !u.call) out.push({ node: u.node, need: 'path', what: '`.name` needs a path or a file' });
        break;
      }
      case 'subscript':
        out.push({ node: u.node, need: 'indexable', what: 'indexing it needs an array' });
        break;
      case 'unpack':
        out.push({ node: u.node, need: 'unpack', what: 'it is unpacked as a pair' });
        break;
      case 'argument': {
        const callee = u.call.childForFieldName('function');
        if (!callee) break;
        const q = qualifiedName(ctx.model, callee, fn.scope, fn) ?? builtinOpen(ctx, fn, callee);
        if (!q) break;
        if (['isinstance', 'hasattr', 'type', 'getattr'].includes(q)) return undefined;
        if (u.index !== 0) break;
        if (PATH_FUNCTIONS.has(q)) out.push({ node: u.call, need: 'path', what: `\`${callee.text}()\` needs a path` });
        else if (q.startsWith('cv2.') && !CV2_NOT_ARRAY.has(q)) out.push({ node: u.call, need: 'ndarray', what: `\`${callee.text}()\` needs a numpy array` });
        else if (/^PIL\.(ImageDraw\.Draw|ImageOps\.\w+|ImageEnhance\.\w+)$/.test(q)) out.push({ node: u.call, need: 'pil', what: `\`${callee.text}()\` needs a PIL image` });
        break;
      }
    }
    // A hedge written any other way around the name: `isinstance(x, ...)` already returned above.
    const p = id.parent;
    if (p?.type === 'argument_list') {
      const callee = p.parent?.childForFieldName('function')?.text;
      if (callee === 'isinstance' || callee === 'hasattr' || callee === 'type') return undefined;
    }
  }
  return out;
}

function builtinOpen(ctx: RuleContext, fn: FunctionInfo, callee: Node): string | undefined {
  if (callee.type !== 'identifier') return undefined;
  if (!['open', 'isinstance', 'hasattr', 'type', 'getattr'].includes(callee.text)) return undefined;
  return ctx.model.lookup(callee.text, fn.scope, callee.startIndex) ? undefined : callee.text;
}

/** The type= that would suit `need` for a parameter of `kind`, with advice; undefined when they agree. */
function mismatch(kind: Kind, need: Need): { type?: string; advice: string } | undefined {
  switch (kind) {
    case 'ndarray':
      if (need === 'pil') return { type: 'pil', advice: ': set `type="pil"` on the Image' };
      if (need === 'path') return { type: 'filepath', advice: ': set `type="filepath"` on the Image' };
      return undefined;
    case 'pil':
      if (need === 'ndarray' || need === 'indexable') return { type: 'numpy', advice: ': set `type="numpy"` on the Image (or convert with `np.array(...)`)' };
      if (need === 'path') return { type: 'filepath', advice: ': set `type="filepath"` on the Image' };
      return undefined;
    case 'path':
      if (need === 'ndarray') return { type: 'numpy', advice: ': set `type="numpy"`' };
      if (need === 'pil') return { type: 'pil', advice: ': set `type="pil"`' };
      if (need === 'bytes') return { type: 'binary', advice: ': set `type="binary"` to receive the bytes' };
      if (need === 'fileobj') return { advice: ': open it first (`open(path, "rb")`)' };
      if (need === 'unpack') return { type: 'numpy', advice: ': set `type="numpy"` to receive `(sample_rate, data)`' };
      return undefined;
    case 'audio':
      if (need === 'ndarray') return { advice: ': unpack it first (`sample_rate, data = ...`)' };
      if (need === 'path') return { type: 'filepath', advice: ': set `type="filepath"` on the Audio' };
      return undefined;
    case 'bytes':
      if (need === 'path') return { type: 'filepath', advice: ': set `type="filepath"`' };
      if (need === 'fileobj') return { advice: ': the value already is the content' };
      return undefined;
  }
}

function switchType(ctx: RuleContext, c: Component, type: string): FixSpec | undefined {
  const kw = c.call.args.keywords.get('type');
  if (kw) {
    const quote = kw.value.text.startsWith("'") ? "'" : '"';
    return { title: `Set \`type="${type}"\``, safe: false, edits: [{ start: kw.value.startIndex, end: kw.value.endIndex, text: `${quote}${type}${quote}` }] };
  }
  if (!c.call.args.list || c.call.args.starKwargs) return undefined;
  return { title: `Set \`type="${type}"\``, safe: false, edits: [appendArgument(ctx.text, c.call.args.list, `type="${type}"`)] };
}
