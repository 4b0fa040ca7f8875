import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectProject, frontMatter, lowestAllowed, versionFromComment, type FileHost } from '../../server/src/engine/project';
import { nodeFileHost } from '../../server/src/engine/nodeHost';

const NEWEST = '6.9.0';

/** An in-memory FileHost over absolute POSIX paths; directories are implied by the files. */
function memHost(files: Record<string, string>, opts: { maxBytes?: number; unlistable?: string[] } = {}): FileHost & { reads: string[] } {
  const dirs = new Map<string, Set<string>>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const dir = '/' + parts.slice(0, i).join('/');
      if (!dirs.has(dir)) dirs.set(dir, new Set());
      dirs.get(dir)!.add(parts[i]);
    }
  }
  const reads: string[] = [];
  return {
    reads,
    readFile(path) {
      reads.push(path);
      const text = files[path];
      if (text === undefined) return undefined;
      if (opts.maxBytes !== undefined && Buffer.byteLength(text) > opts.maxBytes) return undefined;
      return text;
    },
    readDir(path) {
      if (opts.unlistable?.includes(path)) return undefined;
      const d = dirs.get(path);
      return d ? [...d] : undefined;
    },
  };
}

const APP = '/repo/app.py';
const detect = (files: Record<string, string>, extra: Partial<{ explicit: string; text: string; path: string }> = {}) =>
  detectProject(extra.path ?? APP, extra.text ?? 'import gradio as gr\n', memHost({ '/repo/.git/HEAD': '', [APP]: '', ...files }), {
    explicit: extra.explicit,
    newest: NEWEST,
  });

describe('lowestAllowed', () => {
  const cases: [string, string | undefined][] = [
    ['==4.44.1', '4.44.1'],
    ['===4.44.1', '4.44.1'],
    ['==5.*', '5.0.0'],
    ['==5.1.*', '5.1.0'],
    ['~=4.2', '4.2.0'],
    ['>=4,<5', '4.0.0'],
    ['<5,>=4.1', '4.1.0'],
    ['>=4, >=4.2', '4.2.0'],
    ['>4.0', '4.0.1'],
    ['<5', undefined],
    ['<=5.0', undefined],
    ['!=4.0', undefined],
    ['', undefined],
    ['*', undefined],
    ['(>=4.0)', '4.0.0'],
    ['^4.0', '4.0.0'],
    ['~4.2', '4.2.0'],
    ['4.2', '4.2.0'],
    ['>= 4.2 < 5', '4.2.0'],
    ['^4.0 || ^5.0', '4.0.0'],
    ['<4 || >=5', undefined],
    ['>=5.0.0b1', '5.0.0'],
    ['garbage', undefined],
  ];
  for (const [spec, want] of cases) test(JSON.stringify(spec), () => assert.equal(lowestAllowed(spec), want));
});

describe('versionFromComment', () => {
  test('reads and normalizes', () => {
    assert.equal(versionFromComment('# gradio-lint: target-version=5.49\nimport gradio\n'), '5.49.0');
    assert.equal(versionFromComment('#!/usr/bin/env python\n# gradio-lint: target-version = 4\n'), '4.0.0');
    assert.equal(versionFromComment('\ufeff# gradio-lint: target-version=3.50.2\r\nx = 1\r\n'), '3.50.2');
    assert.equal(versionFromComment('# GRADIO-LINT: target_version: 5.1\n'), '5.1.0');
  });
  test('only comments, only the first 30 lines', () => {
    assert.equal(versionFromComment('x = "# gradio-lint: target-version=5.49"\n'), undefined);
    assert.equal(versionFromComment('\n'.repeat(30) + '# gradio-lint: target-version=5.49\n'), undefined);
    assert.equal(versionFromComment('\n'.repeat(29) + '# gradio-lint: target-version=5.49\n'), '5.49.0');
    assert.equal(versionFromComment('# gradio-lint: target-version=latest\n'), undefined);
    assert.equal(versionFromComment(''), undefined);
  });
  test('lone CR line breaks count as lines', () => {
    assert.equal(versionFromComment('x = 1\r# gradio-lint: target-version=4.1\r'), '4.1.0');
  });
});

describe('detectProject: sources', () => {
  test('requirements.txt exact pin', () => {
    const f = detect({ '/repo/requirements.txt': 'numpy\ngradio==5.49.1\n' });
    assert.deepEqual(f.target, { version: '5.49.1', source: 'requirements.txt: gradio==5.49.1', file: '/repo/requirements.txt' });
  });

  test('requirements: comments, extras, markers, CRLF, continuation, hashes', () => {
    assert.equal(detect({ '/repo/requirements.txt': '# gradio==1.0\ngradio[oauth]==5.1  # pinned\n' }).target.version, '5.1.0');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio>=4.2; python_version >= "3.10"\n' }).target.version, '4.2.0');
    assert.equal(detect({ '/repo/requirements.txt': 'numpy\r\ngradio==4.44.1\r\n' }).target.source, 'requirements.txt: gradio==4.44.1');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio \\\n  ==4.10.0\n' }).target.version, '4.10.0');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio==4.20.0 --hash=sha256:0123456789abcdef\n' }).target.version, '4.20.0');
    assert.equal(detect({ '/repo/requirements.txt': 'Gradio (>=4.3)\n' }).target.version, '4.3.0');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio @ https://example.invalid/gradio-5.2.0-py3-none-any.whl\n' }).target.version, '5.2.0');
  });

  test('requirements: wildcards, ~=, ranges', () => {
    assert.equal(detect({ '/repo/requirements.txt': 'gradio==5.*\n' }).target.version, '5.0.0');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio~=4.36\n' }).target.version, '4.36.0');
    assert.equal(detect({ '/repo/requirements.txt': 'gradio>=4,<5\n' }).target.version, '4.0.0');
  });

  test('requirements: unpinned gradio or only an upper bound gives no pin', () => {
    for (const line of ['gradio', 'gradio[oauth]', 'gradio<5', 'gradio!=4.0', 'gradio ; python_version > "3"']) {
      const f = detect({ '/repo/requirements.txt': `${line}\n` });
      assert.deepEqual(f.target, { version: NEWEST, source: 'default (newest known)' }, line);
    }
  });

  test('requirements: other packages never match (PEP 503 exact name)', () => {
    const f = detect({ '/repo/requirements.txt': 'gradio_client==1.3.0\ngradio-pdf==0.0.3\ngradio-client>=1\ngradiox==2.0\n' });
    assert.equal(f.target.source, 'default (newest known)');
    // but spelling variants of "gradio" itself do
    assert.equal(detect({ '/repo/requirements.txt': 'GRADIO==4.1\n' }).target.version, '4.1.0');
  });

  test('requirements: -r includes and other requirements*.txt files', () => {
    const f = detect({ '/repo/requirements.txt': '-r base.txt\nnumpy\n', '/repo/base.txt': 'gradio==4.7.1\n' });
    assert.deepEqual(f.target, { version: '4.7.1', source: 'base.txt: gradio==4.7.1', file: '/repo/base.txt' });
    assert.equal(detect({ '/repo/requirements.txt': '--requirement=base.txt\n', '/repo/base.txt': 'gradio==4.7.2\n' }).target.version, '4.7.2');
    assert.equal(detect({ '/repo/requirements.txt': '-rbase.txt\n', '/repo/base.txt': 'gradio==4.7.3\n' }).target.version, '4.7.3');
    // include cycles terminate
    assert.equal(detect({ '/repo/requirements.txt': '-r a.txt\n', '/repo/a.txt': '-r requirements.txt\n' }).target.source, 'default (newest known)');
    // requirements.txt first, then the other requirements*.txt
    const g = detect({ '/repo/requirements-dev.txt': 'gradio==3.0\n', '/repo/requirements.txt': 'gradio==5.0\n' });
    assert.equal(g.target.version, '5.0.0');
    assert.equal(detect({ '/repo/requirements-prod.txt': 'gradio==4.5\n' }).target.source, 'requirements-prod.txt: gradio==4.5');
  });

  test('pyproject PEP 621 dependencies and optional-dependencies', () => {
    const f = detect({ '/repo/pyproject.toml': '[project]\nname = "x"\ndependencies = ["numpy", "gradio[oauth]>=5.1,<6"]\n' });
    assert.deepEqual(f.target, { version: '5.1.0', source: 'pyproject.toml: gradio[oauth]>=5.1,<6', file: '/repo/pyproject.toml' });
    assert.equal(f.pyproject, '/repo/pyproject.toml');
    const g = detect({ '/repo/pyproject.toml': '[project]\ndependencies = []\n[project.optional-dependencies]\nui = ["gradio==4.44.1"]\n' });
    assert.equal(g.target.version, '4.44.1');
    const h = detect({ '/repo/pyproject.toml': '[dependency-groups]\ndev = ["gradio~=5.20"]\n' });
    assert.equal(h.target.version, '5.20.0');
  });

  test('pyproject Poetry: caret, tilde, table, groups', () => {
    assert.deepEqual(detect({ '/repo/pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.10"\ngradio = "^4.0"\n' }).target, {
      version: '4.0.0', source: 'pyproject.toml: gradio = "^4.0"', file: '/repo/pyproject.toml',
    });
    assert.equal(detect({ '/repo/pyproject.toml': '[tool.poetry.dependencies]\ngradio = { version = ">=4.2", extras = ["oauth"] }\n' }).target.version, '4.2.0');
    assert.equal(detect({ '/repo/pyproject.toml': '[tool.poetry.dependencies]\ngradio = "~4.31"\n' }).target.version, '4.31.0');
    assert.equal(detect({ '/repo/pyproject.toml': '[tool.poetry.group.ui.dependencies]\ngradio = "5.3.0"\n' }).target.version, '5.3.0');
    assert.equal(detect({ '/repo/pyproject.toml': '[tool.poetry.dependencies]\ngradio = "*"\n' }).target.source, 'default (newest known)');
    assert.equal(detect({ '/repo/pyproject.toml': '[tool.poetry.dependencies]\ngradio-client = "^1.0"\n' }).target.source, 'default (newest known)');
  });

  test('malformed pyproject.toml is skipped, never throws, still reported as nearest pyproject', () => {
    const f = detect({ '/repo/pyproject.toml': '[project\ndependencies = ["gradio==4.0"\n', '/repo/requirements-x.txt': 'nothing\n' });
    assert.equal(f.target.source, 'default (newest known)');
    assert.equal(f.pyproject, '/repo/pyproject.toml');
    const g = detect({ '/repo/pyproject.toml': '[project]\ndependencies = "gradio==4.0"\n[tool.poetry]\ndependencies = 3\n' });
    assert.equal(g.target.source, 'default (newest known)');
  });

  test('pyproject with CRLF and BOM', () => {
    const f = detect({ '/repo/pyproject.toml': '\ufeff[project]\r\ndependencies = [\r\n  "gradio==5.4.0",\r\n]\r\n' });
    assert.equal(f.target.version, '5.4.0');
  });

  test('setup.cfg install_requires and extras_require', () => {
    const f = detect({ '/repo/setup.cfg': '[metadata]\nname = x\n\n[options]\ninstall_requires =\n    numpy\n    gradio>=4.15\n' });
    assert.deepEqual(f.target, { version: '4.15.0', source: 'setup.cfg: gradio>=4.15', file: '/repo/setup.cfg' });
    assert.equal(detect({ '/repo/setup.cfg': '[options]\ninstall_requires = numpy; gradio==4.16\n' }).target.version, '4.16.0');
    assert.equal(detect({ '/repo/setup.cfg': '[options.extras_require]\nui =\n  gradio==4.17\n' }).target.version, '4.17.0');
    assert.equal(detect({ '/repo/setup.cfg': '[metadata]\ndescription = gradio==4.18\n' }).target.source, 'default (newest known)');
  });

  test('environment.yml: conda specs and pip sublist', () => {
    const conda = 'name: app\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - conda-forge::gradio=4.44.1\n';
    assert.deepEqual(detect({ '/repo/environment.yml': conda }).target, {
      version: '4.44.1', source: 'environment.yml: gradio=4.44.1', file: '/repo/environment.yml',
    });
    const pip = 'dependencies:\n  - python=3.11\n  - pip\n  - pip:\n    - gradio[oauth]==5.9.1  # ui\n';
    assert.equal(detect({ '/repo/environment.yml': pip }).target.version, '5.9.1');
    assert.equal(detect({ '/repo/environment.yaml': 'dependencies:\n  - "gradio>=4.1,<5"\n' }).target.version, '4.1.0');
    assert.equal(detect({ '/repo/environment.yml': 'dependencies:\n  - gradio 4.2.0 pyhd8ed1ab_0\n' }).target.version, '4.2.0');
    assert.equal(detect({ '/repo/environment.yml': 'dependencies:\n  - gradio\n  - gradio-client=1.0\n' }).target.source, 'default (newest known)');
  });

  test('Spaces README front matter', () => {
    const readme = '---\ntitle: Demo\nsdk: gradio\nsdk_version: 4.36.1\napp_file: app.py\n---\n\n# Demo\n';
    const f = detect({ '/repo/README.md': readme });
    assert.deepEqual(f.target, { version: '4.36.1', source: 'README.md: sdk_version: 4.36.1', file: '/repo/README.md' });
    assert.equal(f.isSpace, true);
    const quoted = detect({ '/repo/README.md': '---\r\nsdk: "gradio"\r\nsdk_version: "5.0.1"\r\n---\r\n' });
    assert.equal(quoted.target.version, '5.0.1');
    assert.equal(quoted.isSpace, true);
    // a Space without sdk_version: isSpace but no pin
    const bare = detect({ '/repo/README.md': '---\nsdk: gradio\n---\n' });
    assert.equal(bare.isSpace, true);
    assert.equal(bare.target.source, 'default (newest known)');
    // not a gradio Space: sdk_version is ignored
    const st = detect({ '/repo/README.md': '---\nsdk: streamlit\nsdk_version: 1.30.0\n---\n' });
    assert.equal(st.isSpace, false);
    assert.equal(st.target.source, 'default (newest known)');
    // no front matter / unclosed front matter
    assert.equal(detect({ '/repo/README.md': '# sdk: gradio\nsdk_version: 4.0\n' }).isSpace, false);
    assert.equal(detect({ '/repo/README.md': '---\nsdk: gradio\nsdk_version: 4.0\n' }).isSpace, false);
  });

  test('frontMatter parsing', () => {
    assert.deepEqual([...frontMatter('---\nsdk: gradio # comment\nemoji: "🔥"\n  nested: x\n---\n')!], [['sdk', 'gradio'], ['emoji', '🔥']]);
    assert.equal(frontMatter('no front matter'), undefined);
  });

  test('installed dist-info in .venv / venv / env, POSIX and Windows layouts', () => {
    const f = detect({ '/repo/.venv/lib/python3.11/site-packages/gradio-4.44.1.dist-info/METADATA': '' });
    assert.deepEqual(f.target, {
      version: '4.44.1',
      source: '.venv: gradio-4.44.1.dist-info',
      file: '/repo/.venv/lib/python3.11/site-packages/gradio-4.44.1.dist-info',
    });
    assert.equal(detect({ '/repo/venv/Lib/site-packages/gradio-5.0.2.dist-info/RECORD': '' }).target.version, '5.0.2');
    assert.equal(detect({ '/repo/env/lib/python3.12/site-packages/gradio-3.50.2.dist-info/RECORD': '' }).target.version, '3.50.2');
    // gradio_client's dist-info does not count
    assert.equal(detect({ '/repo/.venv/lib/python3.11/site-packages/gradio_client-1.3.0.dist-info/RECORD': '' }).target.source, 'default (newest known)');
  });

  test('nothing found: newest known', () => {
    assert.deepEqual(detect({}), { target: { version: NEWEST, source: 'default (newest known)' }, isSpace: false });
  });

  test('an untitled file (no path): explicit, comment or newest only', () => {
    const host = memHost({ '/requirements.txt': 'gradio==4.0\n' });
    assert.equal(detectProject(undefined, '', host, { newest: NEWEST }).target.version, NEWEST);
    assert.equal(detectProject(undefined, '# gradio-lint: target-version=5.1\n', host, { newest: '6.0' }).target.version, '5.1.0');
    assert.equal(detectProject(undefined, '', host, { newest: '6.0' }).target.version, '6.0.0');
  });
});

describe('detectProject: precedence', () => {
  const all = {
    '/repo/requirements.txt': 'gradio==4.1.0\n',
    '/repo/pyproject.toml': '[project]\ndependencies = ["gradio==4.2.0"]\n',
    '/repo/setup.cfg': '[options]\ninstall_requires =\n  gradio==4.3.0\n',
    '/repo/environment.yml': 'dependencies:\n  - gradio=4.4.0\n',
    '/repo/README.md': '---\nsdk: gradio\nsdk_version: 4.5.0\n---\n',
    '/repo/.venv/lib/python3.11/site-packages/gradio-4.6.0.dist-info/METADATA': '',
  };
  test('explicit setting beats everything', () => {
    const f = detect(all, { explicit: '5.49', text: '# gradio-lint: target-version=3.0\n' });
    assert.deepEqual(f.target, { version: '5.49.0', source: 'setting' });
    assert.equal(f.isSpace, true);
  });
  test('an invalid explicit setting is ignored', () => {
    assert.equal(detect(all, { explicit: '' }).target.version, '4.1.0');
    assert.equal(detect(all, { explicit: 'latest' }).target.version, '4.1.0');
  });
  test('explicitSource labels the explicit version', () => {
    const f = detectProject(APP, '', memHost({}), { explicit: '5', explicitSource: '--target-version', newest: NEWEST });
    assert.deepEqual(f.target, { version: '5.0.0', source: '--target-version' });
  });
  test('comment beats project files', () => {
    const f = detect(all, { text: '# gradio-lint: target-version=3.0\nimport gradio\n' });
    assert.deepEqual(f.target, { version: '3.0.0', source: '# gradio-lint comment', file: APP });
  });
  test('within one directory: requirements, pyproject, setup.cfg, environment.yml, README, venv', () => {
    const order = Object.keys(all);
    for (let i = 0; i < order.length; i++) {
      const files = Object.fromEntries(order.slice(i).map((k) => [k, all[k as keyof typeof all]]));
      assert.equal(detect(files).target.version, `4.${i + 1}.0`, order[i]);
    }
  });
  test('nearest directory with a pin wins', () => {
    const f = detect(
      { '/repo/requirements.txt': 'gradio==4.0\n', '/repo/sub/pyproject.toml': '[project]\ndependencies = ["gradio==5.5"]\n' },
      { path: '/repo/sub/pkg/app.py' },
    );
    assert.equal(f.target.version, '5.5.0');
    assert.equal(f.pyproject, '/repo/sub/pyproject.toml');
    // a nearer directory whose files yield no pin does not stop the walk
    const g = detect({ '/repo/requirements.txt': 'gradio==4.0\n', '/repo/sub/requirements.txt': 'gradio\n' }, { path: '/repo/sub/app.py' });
    assert.equal(g.target.source, 'requirements.txt: gradio==4.0');
    assert.equal(g.target.file, '/repo/requirements.txt');
  });
  test('any pin up the tree beats an installed venv nearer the file', () => {
    const f = detect(
      { '/repo/requirements.txt': 'gradio==4.0\n', '/repo/sub/.venv/lib/python3.11/site-packages/gradio-5.0.0.dist-info/RECORD': '' },
      { path: '/repo/sub/app.py' },
    );
    assert.equal(f.target.version, '4.0.0');
  });
  test('the walk stops after the directory holding .git', () => {
    const host = memHost({
      '/requirements.txt': 'gradio==3.0\n',
      '/work/repo/.git/HEAD': '',
      '/work/repo/src/app.py': '',
      '/README.md': '---\nsdk: gradio\n---\n',
      '/pyproject.toml': '',
    });
    const f = detectProject('/work/repo/src/app.py', '', host, { newest: NEWEST });
    assert.deepEqual(f, { target: { version: NEWEST, source: 'default (newest known)' }, isSpace: false });
    const g = detectProject('/work/other/src/app.py', '', memHost({ '/requirements.txt': 'gradio==3.0\n', '/work/other/src/app.py': '' }), { newest: NEWEST });
    assert.equal(g.target.version, '3.0.0');
  });
  test('the walk stops after 10 levels', () => {
    const deep = '/a/b/c/d/e/f/g/h/i/j/k';
    const host = memHost({ '/requirements.txt': 'gradio==3.0\n', '/a/requirements.txt': 'gradio==3.1\n', [`${deep}/app.py`]: '' });
    // directories visited: /a/b/.../k (1) up to /a (11th) is out of reach
    assert.equal(detectProject(`${deep}/app.py`, '', host, { newest: NEWEST }).target.source, 'default (newest known)');
    assert.equal(detectProject(`/a/b/c/d/e/f/g/h/i/j/app.py`, '', host, { newest: NEWEST }).target.version, '3.1.0');
  });
  test('isSpace uses the nearest README with an sdk key', () => {
    const f = detect(
      { '/repo/README.md': '---\nsdk: gradio\n---\n', '/repo/sub/README.md': '---\ntitle: docs\n---\n', '/repo/sub/requirements.txt': 'gradio==5.1\n' },
      { path: '/repo/sub/app.py' },
    );
    assert.equal(f.isSpace, true);
    assert.equal(f.target.version, '5.1.0');
    const g = detect({ '/repo/README.md': '---\nsdk: gradio\n---\n', '/repo/sub/README.md': '---\nsdk: docker\n---\n' }, { path: '/repo/sub/app.py' });
    assert.equal(g.isSpace, false);
  });
});

describe('detectProject: robustness', () => {
  test('files over the host cap are skipped', () => {
    const big = 'gradio==4.0\n' + '#'.repeat(2000);
    const host = memHost({ '/repo/.git/x': '', '/repo/requirements.txt': big, '/repo/app.py': '' }, { maxBytes: 1000 });
    assert.equal(detectProject(APP, '', host, { newest: NEWEST }).target.source, 'default (newest known)');
  });
  test('garbage never throws', () => {
    const junk = '\u0000\ufffd[[[\n---\n"""\n\\\n==\n-r\n-r \n';
    const f = detect({
      '/repo/requirements.txt': junk,
      '/repo/pyproject.toml': junk,
      '/repo/setup.cfg': junk,
      '/repo/environment.yml': junk,
      '/repo/README.md': junk,
    });
    assert.equal(f.target.source, 'default (newest known)');
  });
  test('a throwing host does not break detection', () => {
    const host: FileHost = { readFile: () => { throw new Error('boom'); }, readDir: () => { throw new Error('boom'); } };
    assert.deepEqual(detectProject(APP, '', host, { newest: NEWEST }), { target: { version: NEWEST, source: 'default (newest known)' }, isSpace: false });
  });
  test('an unlistable directory still finds the well-known files', () => {
    const host = memHost({ '/repo/.git/x': '', '/repo/requirements.txt': 'gradio==4.9\n', '/repo/app.py': '' }, { unlistable: ['/repo'] });
    assert.equal(detectProject(APP, '', host, { newest: NEWEST }).target.version, '4.9.0');
  });
});

describe('nodeFileHost', () => {
  test('reads files and directories, caps size, never throws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradio-lsp-host-'));
    try {
      writeFileSync(join(dir, 'requirements.txt'), 'gradio==5.5.0\n');
      writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2048));
      mkdirSync(join(dir, '.git'));
      const host = nodeFileHost(1024);
      assert.equal(host.readFile(join(dir, 'requirements.txt')), 'gradio==5.5.0\n');
      assert.equal(host.readFile(join(dir, 'big.txt')), undefined);
      assert.equal(host.readFile(join(dir, 'missing.txt')), undefined);
      assert.equal(host.readFile(join(dir, '.git')), undefined);
      assert.deepEqual(host.readDir(dir)!.sort(), ['.git', 'big.txt', 'requirements.txt']);
      assert.equal(host.readDir(join(dir, 'missing')), undefined);
      assert.equal(host.readDir(join(dir, 'requirements.txt')), undefined);
      const f = detectProject(join(dir, 'app.py'), '', host, { newest: NEWEST });
      assert.equal(f.target.version, '5.5.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
