// Held-out check of the migration rules (GR100-GR131) on apps that mix old and new Gradio API, as real projects
// half-way through an upgrade do: each old spelling is reported once (by its specific rule, never also by
// GR198/GR199), fix-all migrates what it safely can, and the app's own version sees no migration finding.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, fixAll, initParser, type Finding } from '../../server/src/engine';
import { syntaxErrors } from '../helpers';

before(() => initParser());

/** A 3.x Blocks app that was partly moved to 4.x spellings (sources=, gr.Group) but not finished. */
const HALF_MIGRATED_3X = `import gradio as gr

THEME = gr.themes.Monochrome()


def enhance(photo, strength):
    return photo


with gr.Blocks(theme=THEME, title="Enhancer") as demo:
    with gr.Group():
        photo = gr.Image(sources=["upload"], type="pil")
        cam = gr.Image(source="webcam", type="pil")
    with gr.Row().style(equal_height=True):
        strength = gr.Slider(0, 10, value=5)
        notes = gr.Textbox(show_copy_button=True)
    out = gr.Image()
    go = gr.Button("Enhance")
    go.click(enhance, [photo, strength], out, _js="(p, s) => [p, s]")
    legacy = gr.Interface(lambda s: s, gr.inputs.Textbox(default="hi"), "text")

demo.queue().launch(enable_queue=True)
`;

/** A 5.x chat app with a few 6.0 changes already applied (buttons=, api_visibility=) and others not. */
const HALF_MIGRATED_5X = `import gradio as gr


def respond(message, history):
    return message


def grade(text):
    return len(text)


with gr.Blocks() as demo:
    bot = gr.Chatbot(type="messages", buttons=["copy"], bubble_full_width=False)
    box = gr.Textbox(show_copy_button=True)
    box.submit(respond, [box, bot], bot, show_api=False)
    box.change(grade, box, None, api_visibility="private")
    table = gr.Dataframe(headers=["a", "b"], col_count=(2, "dynamic"))

chat = gr.ChatInterface(respond, type="messages", css="footer {display: none}")
grader = gr.Interface(grade, "text", "number", allow_flagging="never")

demo.launch(show_api=False)
`;

function migrationLines(findings: Finding[]): string[] {
  return findings.filter((f) => /^GR1[0-3]\d$/.test(f.code)).map((f) => `${f.range.start.line + 1}:${f.code}`);
}

function checkFixAll(text: string, target: string) {
  const { text: fixed } = fixAll(text, { targetVersion: target });
  assert.ok(syntaxErrors(fixed) <= syntaxErrors(text), 'fix-all breaks the syntax');
  assert.equal(fixAll(fixed, { targetVersion: target }).text, fixed, 'fix-all is not idempotent');
  const left = analyze(fixed, { targetVersion: target }).filter((f) => f.fixes.some((x) => x.safe));
  assert.deepEqual(left.map((f) => `${f.range.start.line + 1}:${f.code}`), [], 'a safe fix is left after fix-all');
  return fixed;
}

describe('migration rules on apps that mix old and new API', () => {
  it('a half-migrated 3.x app, targeted at 6.25', () => {
    const findings = analyze(HALF_MIGRATED_3X, { targetVersion: '6.25' });
    assert.deepEqual(migrationLines(findings), [
      '10:GR114', '13:GR104', '14:GR101', '16:GR119', '19:GR131', '20:GR100', '22:GR102',
    ]);
    // One finding per mistake: the generic rules stay quiet where a migration rule spoke.
    assert.deepEqual(findings.filter((f) => ['GR198', 'GR199', 'GR207'].includes(f.code)).map((f) => f.code), []);
    const fixed = checkFixAll(HALF_MIGRATED_3X, '6.25');
    assert.match(fixed, /with gr\.Blocks\(title="Enhancer"\) as demo:/);
    assert.match(fixed, /demo\.queue\(\)\.launch\(theme=THEME\)/);
    assert.match(fixed, /cam = gr\.Image\(sources=\["webcam"\], type="pil"\)/);
    assert.match(fixed, /with gr\.Row\(equal_height=True\):/);
    assert.match(fixed, /notes = gr\.Textbox\(buttons=\["copy"\]\)/);
    assert.match(fixed, /go\.click\(enhance, \[photo, strength\], out, js="\(p, s\) => \[p, s\]"\)/);
    assert.doesNotMatch(fixed, /_js=/);
    assert.match(fixed, /gr\.Interface\(lambda s: s, gr\.Textbox\(value="hi"\), "text"\)/);
    assert.deepEqual(migrationLines(analyze(fixed, { targetVersion: '6.25' })), []);
  });

  it('the same 3.x app at its own version has no migration finding', () => {
    // gr.Group and sources= do not exist in 3.50 yet: those are GR198/GR199's, not a migration.
    assert.deepEqual(migrationLines(analyze(HALF_MIGRATED_3X, { targetVersion: '3.50' })), []);
  });

  it('a half-migrated 5.x app, targeted at 6.25', () => {
    const findings = analyze(HALF_MIGRATED_5X, { targetVersion: '6.25' });
    assert.deepEqual(migrationLines(findings), [
      '13:GR123', '14:GR119', '15:GR117', '17:GR126', '19:GR115', '20:GR113', '22:GR116',
    ]);
    assert.deepEqual(findings.filter((f) => ['GR198', 'GR199', 'GR207'].includes(f.code)).map((f) => f.code), []);
    const fixed = checkFixAll(HALF_MIGRATED_5X, '6.25');
    assert.match(fixed, /bot = gr\.Chatbot\(buttons=\["copy"\]\)/);
    assert.match(fixed, /box\.submit\(respond, \[box, bot\], bot, api_visibility="undocumented"\)/);
    assert.match(fixed, /table = gr\.Dataframe\(headers=\["a", "b"\], column_count=2\)/);
    assert.match(fixed, /gr\.Interface\(grade, "text", "number", flagging_mode="never"\)/);
    assert.match(fixed, /demo\.launch\(footer_links=\["gradio", "settings"\]\)/);
    // The ChatInterface is never launched in this file: moving its css is left to the user.
    const left = migrationLines(analyze(fixed, { targetVersion: '6.25' }));
    assert.deepEqual(left, ['19:GR115']);
  });

  it('the same 5.x app at 5.49 only hears about what 5.49 itself deprecates', () => {
    const findings = analyze(HALF_MIGRATED_5X, { targetVersion: '5.49' }).filter((f) => /^GR1[0-3]\d$/.test(f.code));
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.code}:${f.severity}`), ['20:GR113:warning']);
  });
});
