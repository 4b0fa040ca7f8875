// Writes the TextMate injection grammars in syntaxes/: CSS in `css=` strings, JavaScript in `js=` strings, HTML in
// `gr.HTML(...)` string arguments and Markdown in `gr.Markdown(...)` string arguments of Python files.
// Run `node scripts/gen-syntaxes.mjs` after changing this file; test/grammars/*.py are the tests (npm test runs them).
import { writeFileSync, mkdirSync } from 'node:fs';

const QUOTES = [
  { q: '"""', multi: true }, { q: "'''", multi: true }, { q: '"', multi: false }, { q: "'", multi: false },
];

// Plain and raw/unicode strings only: f-strings (interpolation) and bytes keep Python's own highlighting.
const PREFIX = '([rRuU]{0,2})';
// Not inside strings or comments, not inside an embedded block, not in a `def` line.
const SELECTOR = 'L:source.python -string -comment -meta.embedded -meta.function.python';

/** What one line of a string is tokenized with: Markdown's block rules span lines, so only its headings and
 *  inline rules (emphasis, code, links) apply line by line. */
const lineScopes = (scope) => (scope === 'text.html.markdown'
  ? [{ include: `${scope}#heading` }, { include: `${scope}#inline` }]
  : [{ include: scope }]);

/** Never matches. Grammars named only inside `captures` are not loaded by vscode-textmate: this names it. */
const loadGrammar = (scope) => ({ begin: '(?!x)x', end: '(?!x)x', patterns: [{ include: scope }] });

/** One rule per quote style: the quotes keep Python's string scopes, the content is the embedded language.
 *  With `keyword`, the rule starts at `keyword=` right before the string. */
function embeddedStrings(lang, scope, keyword, perLine = false) {
  return QUOTES.map(({ q, multi }) => {
    const quote = `string.quoted.${multi ? 'multi' : 'single'}.python`;
    const k = keyword ? 2 : 0;
    return {
      begin: `${keyword ? `\\b(${keyword})\\s*(=)(?!=)\\s*` : '(?<!\\w)'}${PREFIX}(${q})`,
      beginCaptures: {
        ...(keyword ? { 1: { name: 'variable.parameter.function-call.python' }, 2: { name: 'keyword.operator.assignment.python' } } : {}),
        [k + 1]: { name: 'storage.type.string.python' },
        [k + 2]: { name: `${quote} punctuation.definition.string.begin.python` },
      },
      end: multi ? `(${q})` : `(${q})|$`,
      endCaptures: { 1: { name: `${quote} punctuation.definition.string.end.python` } },
      contentName: `meta.embedded.${multi ? 'block' : 'line'}.${lang}`,
      patterns: [
        { match: '\\\\.', name: 'constant.character.escape.python' },
        // Multi-line CSS, JS and HTML keep their state across lines. Everything else is tokenized one line at a
        // time inside the string's bounds, so an open construct (a Markdown paragraph, an unbalanced brace) can
        // never swallow the closing quote.
        multi && !perLine
          ? { include: scope }
          : { match: `((?:(?!${q}|\\\\).)+)`, captures: { 1: { patterns: lineScopes(scope) } } },
      ],
    };
  });
}

/** `NAME=` followed directly by a string: the string is `lang`. */
function keywordGrammar(name, keyword, lang, scope) {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name,
    scopeName: `gradio.injection.${lang}`,
    injectionSelector: SELECTOR,
    patterns: [...embeddedStrings(lang, scope, keyword), loadGrammar(scope)],
  };
}

/** `NAME(...)` whose positional string arguments and `value=` string are `lang`; other keywords stay Python. */
function callGrammar(name, callee, lang, scope, perLine = false) {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name,
    scopeName: `gradio.injection.${lang}`,
    injectionSelector: SELECTOR,
    patterns: [{
      begin: `\\b(${callee})\\s*(\\()`,
      beginCaptures: { 1: { name: 'entity.name.function.call.python' }, 2: { name: 'punctuation.definition.arguments.begin.python' } },
      end: '(\\))',
      endCaptures: { 1: { name: 'punctuation.definition.arguments.end.python' } },
      name: 'meta.function-call.python',
      contentName: 'meta.function-call.arguments.python',
      patterns: [
        {
          begin: '\\b(?!value\\b)([_A-Za-z]\\w*)\\s*(=)(?!=)',
          beginCaptures: { 1: { name: 'variable.parameter.function-call.python' }, 2: { name: 'keyword.operator.assignment.python' } },
          end: '(?=[,)])',
          patterns: [{ include: 'source.python' }],
        },
        {
          match: '\\b(value)\\s*(=)(?!=)',
          captures: { 1: { name: 'variable.parameter.function-call.python' }, 2: { name: 'keyword.operator.assignment.python' } },
        },
        { match: ',', name: 'punctuation.separator.arguments.python' },
        ...embeddedStrings(lang, scope, undefined, perLine),
        { include: 'source.python' },
      ],
    }, loadGrammar(scope)],
  };
}

const grammars = {
  'gradio-css.tmLanguage.json': keywordGrammar('CSS in Gradio css= strings', 'css', 'css', 'source.css'),
  'gradio-js.tmLanguage.json': keywordGrammar('JavaScript in Gradio js= strings', '_?js', 'javascript', 'source.js'),
  'gradio-html.tmLanguage.json': callGrammar('HTML in gr.HTML(...) strings', 'HTML', 'html', 'text.html.basic'),
  'gradio-markdown.tmLanguage.json': callGrammar('Markdown in gr.Markdown(...) strings', 'Markdown', 'markdown', 'text.html.markdown', true),
};

// The output folder may be given (the test compares a fresh copy with syntaxes/).
const out = process.argv[2] ?? 'syntaxes';
mkdirSync(out, { recursive: true });
for (const [file, g] of Object.entries(grammars)) writeFileSync(`${out}/${file}`, `${JSON.stringify(g, null, 2)}\n`);
console.log(`wrote ${Object.keys(grammars).length} grammars to ${out}/`);
