// Gradio's removed and renamed APIs from 3.x to 6.x: the tables the migration rules (GR100-GR131) share.
// Every entry was checked against Gradio's source at the release tags (see GRADIO_FACTS.md B2/B4); the rules
// also check the per-release API tables, so an entry never fires where the target still accepts the name.

/** `show_*_button` flags (removed in 6.0) and the `buttons=[...]` entry each one became. */
export const BUTTON_FLAGS: Readonly<Record<string, string>> = {
  show_copy_button: 'copy',
  show_copy_all_button: 'copy_all',
  show_share_button: 'share',
  show_download_button: 'download',
  show_fullscreen_button: 'fullscreen',
  show_export_button: 'export',
  show_reset_button: 'reset',
};

/** The buttons a component shows when `buttons=` is omitted, at 6.25 (`set_default_buttons(buttons, [...])` in each
 *  component's constructor, or the documented default where the frontend decides). Keyed by class, looked up along
 *  the class's bases (`Sketchpad` finds `ImageEditor`, `Numpy` finds `Dataframe`). */
export const DEFAULT_BUTTONS: Readonly<Record<string, readonly string[]>> = {
  AnnotatedImage: ['fullscreen'],
  Audio: ['download', 'share'],
  Chatbot: ['share', 'copy', 'copy_all'],
  Dataframe: ['fullscreen', 'copy'],
  Dialogue: [],
  Gallery: ['share', 'download', 'download_all', 'fullscreen'],
  Image: ['download', 'share', 'fullscreen'],
  ImageEditor: ['download', 'share', 'fullscreen'],
  ImageSlider: ['download', 'fullscreen'],
  Markdown: [],
  NativePlot: [],
  Slider: [],
  Textbox: [],
  Video: ['download'],
};

/** What each 3.50.2 `.style(...)` shim did with its keywords, by class: the constructor keyword it set, or `null`
 *  when the shim ignored it. Keys missing from a class were ignored too (with a warning). `full_width` is special:
 *  `True` set `scale=1`. */
export const STYLE_KEYWORDS: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  AnnotatedImage: { height: 'height', width: 'width', color_map: 'color_map' },
  Button: { full_width: 'scale', size: 'size' },
  UploadButton: { full_width: 'scale', size: 'size' },
  Chatbot: { height: 'height' },
  CheckboxGroup: { container: 'container', item_container: null },
  Radio: { container: 'container', item_container: null },
  Dropdown: { container: 'container' },
  JSON: { container: 'container' },
  Label: { container: 'container' },
  Plot: { container: 'container' },
  Slider: { container: 'container' },
  Gallery: {
    grid: 'columns', columns: 'columns', rows: 'rows', height: 'height', container: 'container', preview: 'preview',
    object_fit: 'object_fit',
  },
  HighlightedText: { color_map: 'color_map', container: 'container' },
  Image: { height: 'height', width: 'width' },
  Video: { height: 'height', width: 'width' },
  Textbox: { show_copy_button: 'show_copy_button', container: 'container' },
  Row: { equal_height: 'equal_height' },
};

/** `gradio.inputs.X` / `gradio.outputs.X` (gone in 4.0): how a legacy keyword maps onto the component's own
 *  keyword, when not the same name. Legacy keywords the component ignored in 3.50.2 are dropped. */
export const LEGACY_KEYWORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '*': { default: 'value' },
  Video: { type: 'format' },
};
/** Legacy defaults that differ from the component's own: the rewrite spells them out to keep the behaviour. */
export const LEGACY_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'inputs.Dataframe': { row_count: '3', col_count: '3' },
};

/** The six app-level keywords Gradio 6.0 moved from `Blocks(...)` (and the app classes) to `launch(...)`. */
export const APP_LAUNCH_KEYWORDS: readonly string[] = ['theme', 'css', 'css_paths', 'js', 'head', 'head_paths'];

export interface RemovedName {
  /** Rule that reports it. */
  rule: string;
  /** First release without it. */
  removed: string;
  /** The name to use instead, when a rename keeps the program working. */
  rename?: string;
  /** The rename cannot change what the program does. */
  safe?: boolean;
  /** What to do instead, for the message. */
  advice: string;
}

/** Names removed from the `gradio` namespace, with their replacement. */
export const REMOVED_NAMES: Readonly<Record<string, RemovedName>> = {
  Variable: { rule: 'GR107', removed: '4.0.0', rename: 'State', safe: true, advice: '`gr.Variable` was an alias of `gr.State`' },
  Box: { rule: 'GR107', removed: '4.0.0', rename: 'Group', safe: true, advice: '`gr.Box` was replaced by `gr.Group`' },
  Carousel: { rule: 'GR107', removed: '4.0.0', advice: 'show several results with `gr.Gallery` or separate components' },
  StatusTracker: { rule: 'GR107', removed: '4.0.0', advice: 'it had no effect; delete it' },
  Timeseries: { rule: 'GR107', removed: '4.0.0', advice: 'plot the series with `gr.LinePlot`' },
  TimeSeries: { rule: 'GR107', removed: '4.0.0', advice: 'plot the series with `gr.LinePlot`' },
  Webcam: { rule: 'GR107', removed: '4.0.0', advice: 'use `gr.Image(sources=["webcam"])`' },
  ImagePaint: { rule: 'GR107', removed: '4.0.0', advice: 'use `gr.ImageEditor` (Gradio 4.5 or later)' },
  Interpretation: { rule: 'GR107', removed: '4.0.0', advice: 'interpretation was removed from Gradio' },
  Parallel: { rule: 'GR100', removed: '4.0.0', advice: 'it came from `gradio.mix`; build the app with `gr.Blocks` and call both functions from one handler' },
  Series: { rule: 'GR100', removed: '4.0.0', advice: 'it came from `gradio.mix`; build the app with `gr.Blocks` and chain the functions in one handler' },
  make_waveform: { rule: 'GR112', removed: '5.0.0', advice: 'Gradio no longer makes waveform videos; render one with your own code (e.g. ffmpeg) or show the audio with `gr.Audio`' },
  LogoutButton: { rule: 'GR124', removed: '5.0.0', rename: 'LoginButton', safe: false, advice: '`gr.LoginButton` logs in and out' },
};

/** Legacy namespaces and modules removed in 4.0. */
export const REMOVED_MODULES: Readonly<Record<string, string>> = {
  inputs: 'GR100',
  outputs: 'GR100',
  mix: 'GR100',
};
