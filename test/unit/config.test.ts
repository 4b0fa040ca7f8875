import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  isRuleEnabled,
  mergeConfig,
  parsePyprojectConfig,
  parseSuppressions,
  severityFor,
  suppressionComment,
} from '../../server/src/engine/config';

describe('parsePyprojectConfig', () => {
  test('reads every key', () => {
    const { config, errors } = parsePyprojectConfig(
      '[project]\nname = "x"\n\n[tool.gradio-lint]\nselect = ["GR0", "gr101"]\nignore = ["GR015"]\n' +
        'severity = { GR028 = "warning", GR1 = "Hint" }\ntarget-version = "5.49"\n',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      select: ['GR0', 'GR101'],
      ignore: ['GR015'],
      severity: { GR028: 'warning', GR1: 'hint' },
      targetVersion: '5.49.0',
    });
  });

  test('no section: empty config, no errors', () => {
    assert.deepEqual(parsePyprojectConfig('[tool.ruff]\nline-length = 100\n'), { config: {}, errors: [] });
    assert.deepEqual(parsePyprojectConfig(''), { config: {}, errors: [] });
  });

  test('CRLF, BOM and the table header form', () => {
    const { config, errors } = parsePyprojectConfig('\ufeff[tool.gradio-lint]\r\nignore = ["GR2"]\r\n[tool.gradio-lint.severity]\r\nGR028 = "info"\r\n');
    assert.deepEqual(errors, []);
    assert.deepEqual(config, { ignore: ['GR2'], severity: { GR028: 'info' } });
  });

  test('malformed TOML is an error, not a throw', () => {
    const { config, errors } = parsePyprojectConfig('[tool.gradio-lint\nselect = [');
    assert.deepEqual(config, {});
    assert.equal(errors.length, 1);
    assert.match(errors[0], /not valid TOML/);
  });

  test('bad values and unknown keys are reported and dropped', () => {
    const { config, errors } = parsePyprojectConfig(
      '[tool.gradio-lint]\nselect = ["GR0", "E501", 3]\nignore = 5\nseverity = { GR028 = "loud", XYZ = "error", GR030 = "error" }\n' +
        'target_version = "5"\nfoo = 1\n',
    );
    assert.deepEqual(config, { select: ['GR0'], severity: { GR030: 'error' } });
    assert.equal(errors.length, 7, errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('"E501"')));
    assert.ok(errors.some((e) => e.includes('ignore must be a list')));
    assert.ok(errors.some((e) => e.includes('"loud"')));
    assert.ok(errors.some((e) => e.includes('did you mean "target-version"')));
    assert.ok(errors.some((e) => e.includes('unknown key "foo"')));
  });

  test('target-version must be a quoted version', () => {
    assert.match(parsePyprojectConfig('[tool.gradio-lint]\ntarget-version = 5.10\n').errors[0], /must be a string/);
    assert.match(parsePyprojectConfig('[tool.gradio-lint]\ntarget-version = "latest"\n').errors[0], /not a version/);
  });

  test('section of the wrong type', () => {
    assert.match(parsePyprojectConfig('[tool]\ngradio-lint = 3\n').errors[0], /must be a table/);
    assert.match(parsePyprojectConfig('[tool.gradio-lint]\nseverity = "error"\n').errors[0], /severity must be a table/);
  });

  test('a string select is accepted as a list', () => {
    assert.deepEqual(parsePyprojectConfig('[tool.gradio-lint]\nselect = "GR0, GR1"\n').config, { select: ['GR0', 'GR1'] });
  });
});

describe('mergeConfig', () => {
  test('project wins per key it sets; severity merges per code', () => {
    const merged = mergeConfig(
      { ignore: ['GR015'], severity: { GR028: 'warning' } },
      { select: ['GR0'], ignore: ['GR030'], severity: { GR028: 'error', GR001: 'hint' }, targetVersion: '4.0' },
    );
    assert.deepEqual(merged, { select: ['GR0'], ignore: ['GR015'], severity: { GR028: 'warning', GR001: 'hint' }, targetVersion: '4.0' });
  });
  test('an empty list set by the project still wins', () => {
    assert.deepEqual(mergeConfig({ select: [] }, { select: ['GR1'] }).select, []);
  });
  test('empty target versions count as unset; undefined inputs', () => {
    assert.equal(mergeConfig({ targetVersion: '5.0.0' }, { targetVersion: '4.0' }).targetVersion, '5.0.0');
    assert.equal(mergeConfig({}, { targetVersion: '' }).targetVersion, undefined);
    assert.deepEqual(mergeConfig(undefined, undefined), {});
    assert.deepEqual(mergeConfig(undefined, { ignore: ['GR1'] }), { ignore: ['GR1'] });
  });
});

describe('isRuleEnabled', () => {
  test('absent or empty select enables everything', () => {
    assert.equal(isRuleEnabled('GR015', {}), true);
    assert.equal(isRuleEnabled('GR015', { select: [] }), true);
  });
  test('select prefixes', () => {
    const c = { select: ['GR0'] };
    assert.equal(isRuleEnabled('GR015', c), true);
    assert.equal(isRuleEnabled('GR101', c), false);
    assert.equal(isRuleEnabled('GR101', { select: ['GR'] }), true);
    assert.equal(isRuleEnabled('GR101', { select: ['ALL'] }), true);
    assert.equal(isRuleEnabled('GR101', { select: ['gr1'] }), true);
  });
  test('ignore prefixes and codes', () => {
    assert.equal(isRuleEnabled('GR015', { ignore: ['GR015'] }), false);
    assert.equal(isRuleEnabled('GR015', { ignore: ['GR0'] }), false);
    assert.equal(isRuleEnabled('GR101', { ignore: ['GR0'] }), true);
    assert.equal(isRuleEnabled('GR015', { ignore: ['ALL'] }), false);
  });
  test('the longer match wins; ties go to ignore', () => {
    assert.equal(isRuleEnabled('GR015', { select: ['GR015'], ignore: ['GR0'] }), true);
    assert.equal(isRuleEnabled('GR016', { select: ['GR015'], ignore: ['GR0'] }), false);
    assert.equal(isRuleEnabled('GR015', { select: ['GR0'], ignore: ['GR01'] }), false);
    assert.equal(isRuleEnabled('GR020', { select: ['GR0'], ignore: ['GR01'] }), true);
    assert.equal(isRuleEnabled('GR015', { select: ['GR015'], ignore: ['GR015'] }), false);
    assert.equal(isRuleEnabled('GR015', { ignore: ['GR'], select: ['GR01'] }), true);
  });
});

describe('severityFor', () => {
  test('default, exact, longest prefix', () => {
    assert.equal(severityFor('GR028', 'error', {}), 'error');
    assert.equal(severityFor('GR028', 'error', { severity: { GR028: 'warning' } }), 'warning');
    assert.equal(severityFor('GR028', 'error', { severity: { GR0: 'info', GR02: 'hint' } }), 'hint');
    assert.equal(severityFor('GR028', 'error', { severity: { GR0: 'info', GR028: 'warning', GR02: 'hint' } }), 'warning');
    assert.equal(severityFor('GR101', 'error', { severity: { GR0: 'info' } }), 'error');
    assert.equal(severityFor('GR101', 'error', { severity: { ALL: 'info' } }), 'info');
  });
  test('invalid values from editor settings are ignored', () => {
    assert.equal(severityFor('GR028', 'error', { severity: { GR028: 'loud' as never } }), 'error');
  });
});

describe('parseSuppressions', () => {
  test('no noqa: nothing suppressed', () => {
    const s = parseSuppressions('import gradio as gr\nx = 1\n');
    assert.equal(s.isSuppressed('GR001', 0), false);
    assert.equal(s.noqaLine(1), 1);
  });

  test('bare noqa silences every code on its line only', () => {
    const s = parseSuppressions('a = 1\nb = 2  # noqa\nc = 3\n');
    assert.equal(s.isSuppressed('GR001', 1), true);
    assert.equal(s.isSuppressed('GR999', 1), true);
    assert.equal(s.isSuppressed('GR001', 0), false);
    assert.equal(s.isSuppressed('GR001', 2), false);
  });

  test('code lists: commas, spaces, no space, case', () => {
    const s = parseSuppressions(
      'a  # noqa: GR030, GR031\nb  #noqa:GR032 GR033\nc  # NOQA: gr034,GR035\nd  # NoQa : GR036\ne  # noqa: E501\n',
    );
    assert.equal(s.isSuppressed('GR030', 0), true);
    assert.equal(s.isSuppressed('GR031', 0), true);
    assert.equal(s.isSuppressed('GR032', 0), false);
    assert.equal(s.isSuppressed('GR032', 1), true);
    assert.equal(s.isSuppressed('GR033', 1), true);
    assert.equal(s.isSuppressed('GR034', 2), true);
    assert.equal(s.isSuppressed('GR035', 2), true);
    assert.equal(s.isSuppressed('GR036', 3), true);
    assert.equal(s.isSuppressed('GR001', 4), false, 'another linter\'s code does not silence ours');
    assert.equal(s.isSuppressed('E501', 4), true);
  });

  test('noqa after another comment, trailing text, and non-directives', () => {
    const s = parseSuppressions('a  # type: ignore  # noqa: GR001 -- reason\nb  # noqa_later\nc  # see noqa docs\nd  # noqa:\n');
    assert.equal(s.isSuppressed('GR001', 0), true);
    assert.equal(s.isSuppressed('GR002', 0), false);
    assert.equal(s.isSuppressed('GR001', 1), false);
    assert.equal(s.isSuppressed('GR001', 2), false);
    assert.equal(s.isSuppressed('GR001', 3), true, '"# noqa:" without codes is a bare noqa (flake8)');
  });

  test('file-level directives', () => {
    const s = parseSuppressions('# gradio-lint: noqa: GR015, GR016\nimport gradio as gr\n');
    assert.equal(s.isSuppressed('GR015', 1), true);
    assert.equal(s.isSuppressed('GR016', 99), true);
    assert.equal(s.isSuppressed('GR017', 1), false);
    const all = parseSuppressions('import gradio as gr\n    # gradio-lint: noqa\n');
    assert.equal(all.isSuppressed('GR001', 0), true);
    // not alone on its line: not file-level (and not a line noqa either)
    const inline = parseSuppressions('x = 1  # gradio-lint: noqa: GR015\ny = 2\n');
    assert.equal(inline.isSuppressed('GR015', 1), false);
    assert.equal(inline.isSuppressed('GR015', 0), false);
  });

  test('inside strings does not count', () => {
    const s = parseSuppressions(
      [
        'x = "# noqa"',
        "y = '# noqa: GR001'",
        'z = "a \\" # noqa"',
        'w = f"{a!r} # noqa"  ',
        'doc = """',
        '# noqa',
        '# gradio-lint: noqa',
        '"""',
        "t = '''x # noqa'''",
        'u = "x"  # noqa: GR002',
      ].join('\n'),
    );
    for (let l = 0; l < 9; l++) assert.equal(s.isSuppressed('GR001', l), false, `line ${l}`);
    assert.equal(s.isSuppressed('GR002', 9), true);
  });

  test('strings do not leak: a # after a closed string is a comment', () => {
    const s = parseSuppressions('a = "#" + \'#\'  # noqa: GR001\nb = r"\\\\"  # noqa: GR002\n');
    assert.equal(s.isSuppressed('GR001', 0), true);
    assert.equal(s.isSuppressed('GR002', 1), true);
  });

  test('an unterminated single-quoted string ends at the line break', () => {
    const s = parseSuppressions('x = "abc\ny = 1  # noqa: GR001\n');
    assert.equal(s.isSuppressed('GR001', 1), true);
  });

  test('multi-line strings and continuations map to the noqa on their last line', () => {
    const text = [
      'demo = gr.Markdown("""',   // 0
      'text',                     // 1
      '""")  # noqa: GR040',      // 2
      'x = 1 + \\',               // 3
      '    2  # noqa: GR041',     // 4
      'y = foo(',                 // 5
      '  1)  # noqa: GR042',      // 6
    ].join('\n');
    const s = parseSuppressions(text);
    assert.equal(s.isSuppressed('GR040', 0), true);
    assert.equal(s.isSuppressed('GR040', 2), true);
    assert.equal(s.noqaLine(0), 2);
    assert.equal(s.noqaLine(1), 2);
    assert.equal(s.isSuppressed('GR041', 3), true);
    assert.equal(s.noqaLine(3), 4);
    assert.equal(s.isSuppressed('GR042', 5), false, 'brackets do not join lines (Ruff)');
    assert.equal(s.noqaLine(5), 5);
  });

  test('where a new noqa goes, in a file without any: after the continued line or the multi-line string', () => {
    const text = ['x = 1 + \\', '    2', 'y = """a', 'b"""', 'z = 3'].join('\n');
    const s = parseSuppressions(text, true);
    assert.deepEqual([0, 1, 2, 3, 4].map((l) => s.noqaLine(l)), [1, 1, 3, 3, 4]);
    // Without `wholeText` a file with no "noqa" is not scanned at all.
    assert.equal(parseSuppressions(text).noqaLine(0), 0);
  });

  test('CRLF and lone CR line breaks', () => {
    const s = parseSuppressions('a = 1\r\nb = 2  # noqa: GR001\r\nc = 3\rd = 4  # noqa\r');
    assert.equal(s.isSuppressed('GR001', 1), true);
    assert.equal(s.isSuppressed('GR001', 0), false);
    assert.equal(s.isSuppressed('GR001', 3), true);
    assert.equal(s.isSuppressed('GR001', 2), false);
  });

  test('fast on a 100k-line file', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`    btn${i} = gr.Button("Run #${i}", variant='primary')  # a comment`);
    const plain = lines.join('\n');
    let t = performance.now();
    const none = parseSuppressions(plain);
    const plainMs = performance.now() - t;
    assert.equal(none.isSuppressed('GR001', 5), false);
    lines[99_998] += '  # noqa: GR001';
    const withNoqa = lines.join('\n');
    t = performance.now();
    const s = parseSuppressions(withNoqa);
    const noqaMs = performance.now() - t;
    assert.equal(s.isSuppressed('GR001', 99_998), true);
    assert.equal(s.isSuppressed('GR001', 99_997), false);
    assert.ok(plainMs < 50, `no-noqa pass took ${plainMs.toFixed(1)} ms`);
    assert.ok(noqaMs < 300, `noqa scan took ${noqaMs.toFixed(1)} ms`);
  });

  test('garbage never throws', () => {
    for (const text of ['"""# noqa', "'# noqa", '\\', '#', '# noqa: ,,,', '\u0000# noqa\ud800', '\r\r\n\n# noqa']) {
      const s = parseSuppressions(text);
      s.isSuppressed('GR001', 0);
      s.noqaLine(0);
    }
  });
});

describe('suppressionComment', () => {
  test('appends a new noqa', () => {
    assert.equal(suppressionComment('demo.launch()', 'GR028'), 'demo.launch()  # noqa: GR028');
    assert.equal(suppressionComment('    demo.launch()   ', 'GR028'), '    demo.launch()  # noqa: GR028');
    assert.equal(suppressionComment('demo.launch()\r\n', 'GR028'), 'demo.launch()  # noqa: GR028\r\n');
    assert.equal(suppressionComment('x = "# noqa"', 'GR001'), 'x = "# noqa"  # noqa: GR001');
  });
  test('after an existing non-noqa comment', () => {
    assert.equal(suppressionComment('x = 1  # keep me', 'GR001'), 'x = 1  # keep me  # noqa: GR001');
  });
  test('adds to an existing list, keeping its style and the rest of the line', () => {
    assert.equal(suppressionComment('x = 1  # noqa: GR030', 'GR031'), 'x = 1  # noqa: GR030, GR031');
    assert.equal(suppressionComment('x = 1  # noqa: GR030, GR031  # why', 'GR032'), 'x = 1  # noqa: GR030, GR031, GR032  # why');
    assert.equal(suppressionComment('x = 1  #noqa:GR030 GR031', 'GR032'), 'x = 1  #noqa:GR030 GR031 GR032');
  });
  test('already silenced: unchanged', () => {
    assert.equal(suppressionComment('x = 1  # noqa', 'GR031'), 'x = 1  # noqa');
    assert.equal(suppressionComment('x = 1  # NOQA: gr031', 'GR031'), 'x = 1  # NOQA: gr031');
  });
  test('a backslash continuation cannot take a comment: unchanged', () => {
    assert.equal(suppressionComment('x = 1 + \\', 'GR001'), 'x = 1 + \\');
  });
  test('the result is recognised by parseSuppressions', () => {
    for (const line of ['demo.launch()', 'x = 1  # noqa: GR030', 'x = "#"  # other']) {
      const out = suppressionComment(line, 'GR028');
      assert.equal(parseSuppressions(out).isSuppressed('GR028', 0), true, out);
    }
  });
});
