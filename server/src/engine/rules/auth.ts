// `launch(auth=...)` read as credential pairs, for the auth rules (GR015, GR017), and the "switch to an auth
// function" fix (SPEC 5). Only literals count as plaintext: a tuple of strings written in the call, a module-level
// tuple constant, or a module-level string constant inside the tuple. Values from os.environ, getenv or secrets are
// never literal and so never reported.
import type { Model } from '../model/link';
import type { MethodCall, Scope } from '../model/types';
import type { Node } from '../parse';
import { stringValue, unwrap } from '../tree';
import { addImports, freshName, topLevelStatement } from './launch';
import type { FixSpec, OffsetEdit, RuleContext } from './types';

export interface CredentialPart {
  /** The node in the tuple (a string literal, or a name bound to one). */
  node: Node;
  /** The literal value, when known. */
  value: string | undefined;
}

export interface CredentialPair { node: Node; user: CredentialPart; password: CredentialPart }

export interface AuthValue {
  /** The `auth=` value as written. */
  value: Node;
  /** The tuple/list literal it stands for (itself, or a module-level constant's value). */
  literal: Node;
  pairs: CredentialPair[];
}

/** The credential pairs of `auth=`, or undefined when it is a function, None, or not a literal. */
export function authPairs(model: Model, launch: MethodCall): AuthValue | undefined {
  const kw = launch.call.args.keywords.get('auth');
  if (!kw) return undefined;
  let literal = unwrap(kw.value);
  if (literal.type === 'identifier') {
    const bound = moduleConstant(model, literal, launch.call.scope);
    if (!bound) return undefined;
    literal = bound;
  }
  if (literal.type !== 'tuple' && literal.type !== 'list') return undefined;
  const items = elements(literal);
  const asPair = (n: Node): CredentialPair | undefined => {
    const parts = elements(n);
    if (parts.length !== 2) return undefined;
    return { node: n, user: part(model, parts[0], launch.call.scope), password: part(model, parts[1], launch.call.scope) };
  };
  // `("user", "pw")` or `[("user", "pw"), ...]`.
  if (items.length && items.every((i) => i.type === 'tuple' || i.type === 'list')) {
    const pairs = items.map(asPair);
    return pairs.every((p) => p) ? { value: kw.value, literal, pairs: pairs as CredentialPair[] } : undefined;
  }
  const pair = asPair(literal);
  return pair ? { value: kw.value, literal, pairs: [pair] } : undefined;
}

function elements(n: Node): Node[] {
  return n.namedChildren.filter((c) => c && c.type !== 'comment').map((c) => unwrap(c!));
}

function part(model: Model, node: Node, scope: Scope): CredentialPart {
  const direct = stringValue(node);
  if (direct !== undefined) return { node, value: direct };
  if (node.type === 'identifier') {
    const bound = moduleConstant(model, node, scope);
    const v = bound ? stringValue(bound) : undefined;
    if (v !== undefined) return { node, value: v };
  }
  return { node, value: undefined };
}

/** The value of a name bound exactly once, at module level, by a plain assignment. */
function moduleConstant(model: Model, id: Node, scope: Scope): Node | undefined {
  const b = model.lookup(id.text, scope, id.startIndex);
  const list = model.module.bindings.get(id.text);
  if (!b || b.kind !== 'assign' || !b.value || list?.length !== 1 || list[0] !== b) return undefined;
  return unwrap(b.value);
}

const USER_VAR = 'GRADIO_USERNAME';
const PASSWORD_VAR = 'GRADIO_PASSWORD';

/** Replaces `auth=(...)` with a module-level function that checks the login against environment variables. */
export function authFunctionFix(ctx: RuleContext, launch: MethodCall, auth: AuthValue): FixSpec | undefined {
  if (auth.pairs.length !== 1) return undefined;
  const eol = ctx.lines.eol();
  const name = freshName(ctx.model, launch.call, 'check_auth');
  const def = [
    `def ${name}(username: str, password: str) -> bool:`,
    `    """Accepts only the login set in the ${USER_VAR} and ${PASSWORD_VAR} environment variables."""`,
    `    expected_username = os.environ.get("${USER_VAR}", "")`,
    `    expected_password = os.environ.get("${PASSWORD_VAR}", "")`,
    '    if not expected_username or not expected_password:',
    '        return False',
    '    username_ok = hmac.compare_digest(username.encode(), expected_username.encode())',
    '    password_ok = hmac.compare_digest(password.encode(), expected_password.encode())',
    '    return username_ok and password_ok',
  ].map((l) => indentLike(l, ctx.text)).join(eol);
  const at = beforeLeadingComments(ctx.text, topLevelStatement(launch.call.node));
  const edits: OffsetEdit[] = [{ start: auth.value.startIndex, end: auth.value.endIndex, text: name }];
  const imports = addImports(ctx.model, ctx.text, eol, ['hmac', 'os']);
  const defText = `${blankLinesBefore(ctx.text, at, eol)}${def}${eol}${eol}${eol}`;
  if (imports && imports.start === at) edits.push({ start: at, end: at, text: imports.text + eol + defText });
  else {
    if (imports) edits.push(imports);
    edits.push({ start: at, end: at, text: defText });
  }
  return { title: `Check logins with a function \`${name}\` that reads ${USER_VAR}/${PASSWORD_VAR}`, safe: false, edits };
}

/** Reads the literal username and password of the single pair from the environment instead. */
export function environmentFix(ctx: RuleContext, auth: AuthValue): FixSpec | undefined {
  if (auth.pairs.length !== 1 || unwrap(auth.value).type === 'identifier') return undefined;
  const [pair] = auth.pairs;
  const edits: OffsetEdit[] = [];
  if (pair.user.value !== undefined) edits.push({ start: pair.user.node.startIndex, end: pair.user.node.endIndex, text: `os.environ["${USER_VAR}"]` });
  if (pair.password.value !== undefined) edits.push({ start: pair.password.node.startIndex, end: pair.password.node.endIndex, text: `os.environ["${PASSWORD_VAR}"]` });
  if (!edits.length) return undefined;
  const imports = addImports(ctx.model, ctx.text, ctx.lines.eol(), ['os']);
  if (imports) edits.push(imports);
  return { title: `Read the credentials from os.environ (${USER_VAR}, ${PASSWORD_VAR})`, safe: false, edits };
}

/** Uses tabs for the body when the file indents with tabs. */
function indentLike(line: string, text: string): string {
  if (!indentsWithTabs(text)) return line;
  return line.replace(/^( {4})+/, (m) => '\t'.repeat(m.length / 4));
}

/** The file indents with tabs (and not with spaces). Kept for the last text: a file with many findings asks once. */
let tabsOf: { text: string; tabs: boolean } | undefined;
function indentsWithTabs(text: string): boolean {
  if (tabsOf?.text !== text) tabsOf = { text, tabs: /^\t/m.test(text) && !/^ {2,}\S/m.test(text) };
  return tabsOf.tabs;
}

/** Start of the line of `stmt`, moved up over comment lines directly above it (they belong to it). */
function beforeLeadingComments(text: string, stmt: Node): number {
  let first = stmt;
  for (let p = stmt.previousSibling; p && p.type === 'comment'; p = p.previousSibling) {
    const gap = text.slice(p.endIndex, first.startIndex);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    first = p;
  }
  let start = first.startIndex;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The line breaks that make two blank lines between the code above `offset` (a line start) and a new top-level
 *  definition; none at the top of the file. */
function blankLinesBefore(text: string, offset: number, eol: string): string {
  // Up from the line of `offset`, one line at a time (splitting everything before it cost the file's length per fix).
  let end = offset;
  while (end > 0 && text[end - 1] !== '\n' && text[end - 1] !== '\r') end--;
  let blank = 0;
  while (end > 0) {
    let stop = end - 1;
    if (text[stop] === '\n' && text[stop - 1] === '\r') stop--;
    let start = stop;
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    if (text.slice(start, stop).trim()) return eol.repeat(Math.max(0, 2 - blank));
    blank++;
    end = start;
  }
  return '';
}
