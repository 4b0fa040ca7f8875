// Hover texts as data: what a handler receives from each component, and what the keywords of launch(), queue(),
// event listeners, gr.State and gr.update mean. Written for this project from GRADIO_FACTS.md (sections A and C);
// the one fact that matters comes first. Entries with `versions` (a semver range) apply only to those releases.
// Which `type=` values exist and which is the default is NOT written here: it is read from the API tables of the
// target version, so a value only appears where that release has it.

/** A text, or several texts of which the first whose range contains the target version applies. */
export type Versioned = string | { versions: string; text: string }[];

/** What a handler receives: `py` is the Python type shown in inlay hints, `text` says it in words. */
export interface Receives {
  py: string;
  text: string;
  /** Only for these releases (semver range); the first matching entry of a list wins. */
  versions?: string;
}

export interface ComponentFacts {
  /** Per `type=` value (used when the target release's constructor has `type`). */
  types?: Record<string, Receives | Receives[]>;
  /** Components without `type=` in the target release. */
  value?: Receives | Receives[];
  /** What arrives when the component is empty. */
  empty?: Versioned;
  /** Further facts, one line each. */
  notes?: Versioned[];
}

const IMAGE_TYPES: Record<string, Receives> = {
  numpy: { py: 'np.ndarray', text: 'a uint8 array of shape (height, width, channels): 3 channels with `image_mode="RGB"`, 4 with `"RGBA"`, a 2-D array with `"L"`' },
  pil: { py: 'PIL.Image.Image', text: 'a PIL image, turned upright from its EXIF data and converted to `image_mode`' },
  filepath: { py: 'str', text: 'the path of the image in Gradio\'s cache (a converted copy when the file\'s mode differs from `image_mode`)' },
};

/** ImageEditor and its templates (4.0+): a dict of layers; before 4.0 Sketchpad/Paint were Image templates. */
const editorTypes = (): Record<string, Receives[]> => {
  const out: Record<string, Receives[]> = {};
  for (const [k, v] of Object.entries(IMAGE_TYPES)) {
    const img = k === 'numpy' ? 'numpy arrays' : k === 'pil' ? 'PIL images' : 'file paths';
    out[k] = [
      { versions: '>=4.0.0', py: 'dict', text: `a dict \`{"background", "layers", "composite"}\` whose images are ${img} (\`layers\` is a list), in \`image_mode\` (default \`"RGBA"\`)` },
      { versions: '<4.0.0', ...v },
    ];
  }
  return out;
};

const FILE_TYPES: Record<string, Receives> = {
  filepath: { py: 'str', text: 'the path of the upload in Gradio\'s cache (a `str` subclass)' },
  binary: { py: 'bytes', text: 'the file\'s contents as bytes' },
  bytes: { py: 'bytes', text: 'the file\'s contents as bytes' },
  file: { py: 'tempfile._TemporaryFileWrapper', text: 'a temporary-file object; its `.name` is the path' },
};

const FILE_NOTES: Versioned[] = [
  'With `file_count="multiple"` or `"directory"` the handler gets a list.',
  [{ versions: '>=5.0.0', text: '`file_types=` is only checked for `type="filepath"`.' }],
  [{ versions: '>=4.44.1', text: 'Uploads stay in the cache after the event; nothing deletes them unless the app sets `delete_cache=`.' }],
];

const CHOICE_NOTES: Versioned[] = [
  [{ versions: '>=5.0.0', text: 'A value that is not one of the choices raises `gr.Error` unless `allow_custom_value=True`.' }],
];

const MESSAGES_6: Receives = {
  py: 'list[dict]',
  text: 'the history in messages format: a list of `{"role": "user" | "assistant" | "system", "content": [...]}` dicts whose `content` is always a list of blocks such as `{"type": "text", "text": ...}`',
};
const MESSAGES_4: Receives = { py: 'list[dict]', text: 'the history in messages format: a list of `{"role", "content"}` dicts (openai style)' };
const TUPLES: Receives = { py: 'list[list]', text: 'the history as a list of `[user_message, bot_message]` pairs' };

export const COMPONENTS: Record<string, ComponentFacts> = {
  Image: {
    types: IMAGE_TYPES,
    empty: '`None` when no image is given.',
    notes: [
      [{ versions: '>=4.0.0 <=5.0.0', text: 'An SVG upload arrives as a path whatever `type=` says.' },
        { versions: '>=5.49.1', text: 'SVG uploads only work with `type="filepath"`; the other types raise `gr.Error`.' }],
      [{ versions: '<4.0.0', text: 'With `tool="sketch"` on an upload or webcam source the handler gets a dict `{"image", "mask"}`.' }],
    ],
  },
  Webcam: { types: IMAGE_TYPES, empty: '`None` when no image is given.' },
  Pil: { types: IMAGE_TYPES, empty: '`None` when no image is given.' },
  ImagePaint: { types: IMAGE_TYPES, empty: '`None` when no image is given.' },
  ImageEditor: { types: editorTypes(), empty: '`None` when the editor is empty.' },
  Sketchpad: { types: editorTypes(), empty: '`None` when the editor is empty.' },
  Paint: { types: editorTypes(), empty: '`None` when the editor is empty.' },
  ImageMask: {
    types: Object.fromEntries(Object.entries(editorTypes()).map(([k, v]) => [k, [v[0], { versions: '<4.0.0', py: 'dict', text: `a dict \`{"image", "mask"}\` of ${k === 'filepath' ? 'paths' : k === 'pil' ? 'PIL images' : 'numpy arrays'}` }]])),
    empty: '`None` when the editor is empty.',
  },
  ImageSlider: {
    types: {
      numpy: { py: 'tuple[np.ndarray, np.ndarray]', text: 'a pair of numpy arrays' },
      pil: { py: 'tuple[PIL.Image.Image, PIL.Image.Image]', text: 'a pair of PIL images' },
      filepath: { py: 'tuple[str, str]', text: 'a pair of file paths' },
    },
    empty: '`None` when empty.',
  },
  Gallery: {
    types: {
      numpy: { py: 'list[tuple[np.ndarray, str | None]]', text: 'a list of `(array, caption)` pairs' },
      pil: { py: 'list[tuple[PIL.Image.Image, str | None]]', text: 'a list of `(PIL image, caption)` pairs' },
      filepath: { py: 'list[tuple[str, str | None]]', text: 'a list of `(path, caption)` pairs' },
    },
    empty: '`None` (not `[]`) when the gallery is empty.',
    notes: ['Videos in a gallery always arrive as paths; images are not mode-converted, so a PNG may have 4 channels.'],
  },
  Audio: {
    types: {
      numpy: { py: 'tuple[int, np.ndarray]', text: 'a tuple `(sample_rate, data)`: int16 samples for 16-bit sources, shape `(samples,)` for mono or `(samples, channels)`' },
      filepath: { py: 'str', text: 'the path of the audio file (converted when `format=` is set and differs)' },
    },
    empty: '`None` when no audio is given.',
  },
  Video: { value: { py: 'str', text: 'the path of the video file (re-encoded when `format=` differs)' }, empty: '`None` when no video is given.' },
  File: { types: FILE_TYPES, empty: '`None` when no file is given.', notes: FILE_NOTES },
  Files: { types: Object.fromEntries(Object.entries(FILE_TYPES).map(([k, v]) => [k, { py: `list[${v.py}]`, text: `a list, one item per file: ${v.text}` }])), empty: '`None` when no file is given.' },
  UploadButton: { types: FILE_TYPES, empty: '`None` when no file is given.', notes: FILE_NOTES.slice(0, 1) },
  DownloadButton: { value: { py: 'str', text: 'the path of the file it offers' }, empty: '`None` when it has no file.' },
  Model3D: { value: { py: 'str', text: 'the path of the 3D model file' }, empty: '`None` when empty.' },
  Dataframe: {
    types: {
      pandas: { py: 'pd.DataFrame', text: 'a pandas DataFrame whose columns are the headers' },
      numpy: { py: 'np.ndarray', text: 'a numpy array (headers dropped)' },
      array: { py: 'list[list]', text: 'a list of rows' },
      polars: { py: 'pl.DataFrame', text: 'a polars DataFrame (polars must be installed)' },
    },
    notes: ['Sorting or filtering in the browser does not change the value the handler gets.'],
  },
  Numpy: { types: { numpy: { py: 'np.ndarray', text: 'a numpy array' } } },
  Matrix: { types: { array: { py: 'list[list]', text: 'a list of rows' } } },
  List: { types: { array: { py: 'list[list]', text: 'a list of rows' } } },
  Dropdown: {
    types: {
      value: { py: 'str', text: 'the selected choice\'s value (a list of values with `multiselect=True`)' },
      index: { py: 'int', text: 'the position of the selected choice (a list with `multiselect=True`)' },
    },
    empty: '`None` when nothing is selected.',
    notes: [...CHOICE_NOTES, [{ versions: '>=5.2.0', text: 'Leaving out `value=` preselects the first choice; `value=None` selects nothing.' }]],
  },
  Radio: {
    types: {
      value: { py: 'str', text: 'the selected choice\'s value' },
      index: { py: 'int', text: 'the position of the selected choice' },
    },
    empty: '`None` when nothing is selected (nothing is preselected unless `value=` is given).',
  },
  CheckboxGroup: {
    types: {
      value: { py: 'list[str]', text: 'the list of checked choices\' values' },
      index: { py: 'list[int]', text: 'the positions of the checked choices' },
    },
  },
  Dataset: {
    types: {
      values: { py: 'list', text: 'the clicked sample, one value per component' },
      index: { py: 'int', text: 'the position of the clicked sample' },
      tuple: { py: 'tuple[int, list]', text: 'a pair `(index, sample)`' },
    },
  },
  DateTime: {
    types: {
      timestamp: { py: 'float', text: 'seconds since the epoch' },
      datetime: { py: 'datetime.datetime', text: 'a `datetime.datetime`' },
      string: { py: 'str', text: 'the date as text, formatted per `time_format`' },
    },
    empty: '`None` when empty.',
  },
  Dialogue: {
    types: {
      text: { py: 'str', text: 'the whole dialogue as one string' },
      list: { py: 'list[dict]', text: 'a list of `{"speaker", "text"}` dicts' },
    },
  },
  Textbox: {
    types: {
      text: { py: 'str', text: 'the text' },
      password: { py: 'str', text: 'the text (`type=` only changes how it is shown)' },
      email: { py: 'str', text: 'the text (`type=` only changes how it is shown)' },
    },
  },
  TextArea: {
    types: { text: { py: 'str', text: 'the text' }, password: { py: 'str', text: 'the text' }, email: { py: 'str', text: 'the text' } },
  },
  Chatbot: {
    types: {
      messages: MESSAGES_4,
      tuples: TUPLES,
      None: { py: 'list[list]', text: 'the tuples format (list of `[user, bot]` pairs), with a deprecation warning: pass `type="messages"`' },
    },
    value: [{ versions: '>=6.0.0', ...MESSAGES_6 }, { versions: '<4.0.0', ...TUPLES }, { versions: '*', ...TUPLES }],
    empty: '`[]` when there are no messages.',
    notes: [[{ versions: '>=6.0.0', text: '`type=` was removed in 6.0: only the messages format exists, and passing `type=` raises TypeError.' }]],
  },
  ChatInterface: {
    types: {
      messages: { py: 'list[dict]', text: '`fn` gets the history as a list of `{"role", "content"}` dicts' },
      tuples: { py: 'list[list]', text: '`fn` gets the history as `[user, bot]` pairs' },
      None: { py: 'list[list]', text: 'the tuples format, with a deprecation warning: pass `type="messages"`' },
    },
    notes: [[{ versions: '>=6.0.0', text: '`type=` was removed in 6.0: the history is always in messages format.' }]],
  },
  MultimodalTextbox: { value: { py: 'dict', text: 'a dict `{"text": str, "files": list[str]}`' }, empty: '`None` when empty.' },
  Slider: {
    value: [
      { versions: '>=5.49.1', py: 'float', text: 'the number (an `int` with `precision=0`); a value outside minimum/maximum raises' },
      { versions: '*', py: 'float', text: 'the number' },
    ],
  },
  Number: { value: { py: 'float', text: 'the number (an `int` with `precision=0`)' }, empty: '`None` when empty.' },
  Checkbox: { value: { py: 'bool', text: '`True` or `False`' } },
  ColorPicker: { value: { py: 'str', text: 'the colour as a hex string such as `"#ff0000"`' } },
  Code: { value: { py: 'str', text: 'the code as text' } },
  HTML: { value: { py: 'str', text: 'the HTML as text' } },
  Markdown: { value: { py: 'str', text: 'the Markdown as text' } },
  Button: { value: { py: 'str', text: 'the button\'s label' } },
  ClearButton: { value: { py: 'str', text: 'the button\'s label' } },
  JSON: { value: { py: 'dict | list', text: 'the parsed JSON value' } },
  HighlightedText: { value: { py: 'list[tuple[str, str | float | None]]', text: 'a list of `(text, label)` pairs' } },
  Timer: { value: { py: 'float', text: 'its interval in seconds' } },
  FileExplorer: { value: { py: 'list[str]', text: 'the selected paths relative to `root_dir` (one `str` with `file_count="single"`)' } },
  State: { value: { py: 'Any', text: 'the stored object itself (not a copy): changing it in place persists' } },
  BrowserState: { value: { py: 'Any', text: 'the value kept in the browser\'s localStorage' } },
};

/** One line per component class: what it is for, when the name alone says too little. */
export const COMPONENT_SUMMARY: Record<string, Versioned> = {
  State: 'Per-session value, kept in the server process (never sent to the browser).',
  BrowserState: 'A value kept in the browser\'s localStorage, so it survives page reloads.',
  Timer: 'Fires `.tick` every `value` seconds while active; the replacement for `every=` on listeners.',
};

export interface KeywordFacts { [name: string]: Versioned }

/** gr.State: `State(value=None, render=True, *, time_to_live=None, delete_callback=None)`. */
export const STATE: { summary: Versioned[]; keywords: KeywordFacts } = {
  summary: [
    [{ versions: '>=6.25.0', text: 'Each browser session gets its own deep copy of `value`; a callable `value` is called once per session.' },
      { versions: '*', text: 'Each browser session gets its own deep copy of `value`.' }],
    'The handler receives the stored object itself: in-place changes persist, but only a value returned to the State in `outputs` replaces it (and fires `.change`).',
    'Values stay in the server process and are never JSON-serialized: any deep-copyable object works, and a value that cannot be deep-copied raises TypeError right away.',
    [{ versions: '>=4.44.1', text: 'Sessions are evicted after `time_to_live` seconds, or LRU beyond `launch(state_session_capacity=10000)`.' }],
  ],
  keywords: {
    value: 'Initial value, deep-copied for each session. Must be deep-copyable: TypeError otherwise.',
    time_to_live: 'Seconds after creation or the last update before the value is deleted; `None` keeps it (until the session is evicted).',
    delete_callback: 'Called with the value when it is deleted (time to live, or the session closing).',
    render: 'States are not shown, so this only matters for `@gr.render`.',
  },
};

/** gr.update(...). */
export const UPDATE: { summary: Versioned[]; keywords: KeywordFacts } = {
  summary: [
    'Returns a dict `{"__type__": "update", ...}` that changes only the given properties of an output component.',
    'Any constructor keyword of the output component is allowed; one the component does not accept fails with TypeError when the event runs (`gr.HTML` accepts any).',
    [{ versions: '>=4.0.0', text: 'Returning a component (`gr.Textbox(visible=True)`) does the same; `gr.skip()` leaves an output unchanged. `gr.Textbox.update()` was removed in 4.0.' }],
    'For a `gr.State` output only `value=` is meaningful.',
  ],
  keywords: {
    value: 'The new value of the output component.',
    visible: [{ versions: '>=6.0.0', text: 'Show (`True`) or hide (`False`); `"hidden"` keeps it in the page but out of the layout.' }, { versions: '*', text: 'Show (`True`) or hide (`False`) the component.' }],
    interactive: 'Let the user edit (`True`) or lock (`False`) the component.',
  },
};

/** Blocks.launch(). */
export const LAUNCH: { summary: Versioned[]; keywords: KeywordFacts } = {
  summary: [
    [{ versions: '>=4.0.0', text: 'The queue is already on (Blocks starts it since 4.0): call `queue(...)` only to change its settings.' },
      { versions: '*', text: 'The queue is off in 3.x unless `demo.queue()` is called before `launch()`.' }],
    [{ versions: '>=4.28.0', text: 'There is no upload size limit unless `max_file_size=` is set.' }, { versions: '*', text: 'There is no upload size limit (`max_file_size=` arrived in 4.28).' }],
    [{ versions: '>=5.25.1', text: '`share=True` links last up to 1 week (best effort).' }, { versions: '*', text: '`share=True` links expire after 72 hours.' }],
    'Serves on 127.0.0.1:7860 (the first free port from 7860) unless `server_name`/`server_port` or `GRADIO_SERVER_NAME`/`GRADIO_SERVER_PORT` say otherwise.',
  ],
  keywords: {
    share: [
      { versions: '>=5.25.1', text: 'Creates a public `*.gradio.live` link through Gradio\'s relay, lasting up to 1 week (best effort). `None` means off, except in hosted notebooks such as Colab. Ignored on Hugging Face Spaces.' },
      { versions: '*', text: 'Creates a public `*.gradio.live` link through Gradio\'s relay that expires after 72 hours. `None` means off, except in hosted notebooks such as Colab. Ignored on Hugging Face Spaces.' },
    ],
    server_name: '`None`: env `GRADIO_SERVER_NAME`, else `"127.0.0.1"` (this machine only). `"0.0.0.0"` listens on every interface (LAN, Docker).',
    server_port: '`None`: env `GRADIO_SERVER_PORT`, else the first free port from 7860.',
    auth: 'A `(user, password)` tuple, a list of them, or a function `(username, password) -> bool` (sync or async). Protects the whole app. Tuples are kept in memory as plain text.',
    auth_message: 'HTML shown on the login page.',
    root_path: '`None`: env `GRADIO_ROOT_PATH`, else `""`. Set it (`"/myapp"` or a full URL) when a reverse proxy serves the app under a sub-path.',
    max_file_size: [
      { versions: '>=6.25.0', text: '`None` (default): no limit at all. An int (bytes) or a string such as `"10mb"`; applies per file; larger uploads are refused (HTTP 413).' },
      { versions: '>=4.28.0', text: '`None` (default): no limit at all. An int (bytes) or a string such as `"10mb"`; applies per file; larger uploads are refused.' },
      { versions: '*', text: 'Not available before 4.28: uploads have no size limit.' },
    ],
    max_threads: 'Worker threads for all events together (default 40); it also caps the queue.',
    allowed_paths: 'Extra absolute paths the app may serve files from (besides the working directory and the temp dir). Env `GRADIO_ALLOWED_PATHS`.',
    blocked_paths: 'Absolute paths the app must never serve; wins over `allowed_paths`. Env `GRADIO_BLOCKED_PATHS`.',
    state_session_capacity: 'How many sessions keep their `gr.State` values; the least recently used beyond that are dropped.',
    ssr_mode: '`None`: env `GRADIO_SSR_MODE`, else off. Server-side rendering needs Node 20+.',
    mcp_server: 'Also serve the app\'s functions as an MCP server. `None`: env `GRADIO_MCP_SERVER`.',
    footer_links: 'Links in the footer; `None` means api, gradio, settings and runs. Replaces `show_api` (6.0).',
    show_api: [{ versions: '>=6.0.0', text: 'Removed in 6.0: use `footer_links=` (and `api_visibility=` on listeners).' }, { versions: '*', text: 'Show the "Use via API" link in the footer.' }],
    theme: [{ versions: '>=6.0.0', text: 'The theme (a `gr.themes.*` object or a Hub theme name). Moved here from `gr.Blocks()` in 6.0.' }],
    css: [{ versions: '>=6.0.0', text: 'Custom CSS for the app. Moved here from `gr.Blocks()` in 6.0.' }],
    js: [{ versions: '>=6.0.0', text: 'JavaScript run when the page loads. Moved here from `gr.Blocks()` in 6.0.' }],
    head: [{ versions: '>=6.0.0', text: 'HTML added to the page\'s `<head>`. Moved here from `gr.Blocks()` in 6.0.' }],
    debug: 'Block the main thread and print errors to the console.',
    prevent_thread_lock: 'Return right after starting the server instead of blocking (scripts keep running; the app stops when the script ends).',
    show_error: 'Show Python exceptions in an alert in the browser (and in its console).',
    inbrowser: 'Open the app in a browser tab on launch.',
    enable_queue: [{ versions: '<4.0.0', text: 'Deprecated in 3.x: call `demo.queue()` instead.' }],
    ssl_keyfile: 'Path to a private key file to serve over HTTPS (with `ssl_certfile`).',
    ssl_certfile: 'Path to a certificate file to serve over HTTPS (with `ssl_keyfile`).',
    auth_dependency: 'A function of the request returning the user name (or `None` to refuse): for auth done by a proxy or an OAuth layer. Cannot be combined with `auth`.',
  },
};

/** Blocks.queue(). */
export const QUEUE: { summary: Versioned[]; keywords: KeywordFacts } = {
  summary: [
    [{ versions: '>=4.0.0', text: 'The queue is already on: Blocks calls `queue()` itself since 4.0. Calling it again only changes its settings and returns the app.' },
      { versions: '*', text: 'In 3.x the queue is off until this is called; without it each event is a plain HTTP request.' }],
    [{ versions: '>=4.0.0', text: 'Every event runs one at a time by default (`default_concurrency_limit` resolves to 1); different events run in parallel.' },
      { versions: '*', text: 'Events are processed by `concurrency_count` workers (default 1).' }],
    '`max_size=None` means waiting requests are not capped.',
  ],
  keywords: {
    max_size: '`None` (default): no cap on waiting requests. When full, new requests are refused with "Queue is full".',
    default_concurrency_limit: 'How many runs of each event may execute at once, unless a listener sets `concurrency_limit`. Default: env `GRADIO_DEFAULT_CONCURRENCY_LIMIT`, else 1. `None` means unlimited.',
    concurrency_count: [
      { versions: '>=5.0.0', text: 'Removed in 5.0 (TypeError): use `default_concurrency_limit=` here or `concurrency_limit=` on a listener.' },
      { versions: '>=4.0.0', text: 'Deprecated in 4.x: setting it raises. Use `default_concurrency_limit=` or `concurrency_limit=` on a listener.' },
      { versions: '*', text: 'Number of worker threads taking events from the queue (default 1).' },
    ],
    status_update_rate: '`"auto"`: send queue status when a position changes; a number: every that many seconds.',
    api_open: [{ versions: '>=4.0.0', text: 'Whether API clients may call endpoints without going through the queue; `None` leaves it unchanged (open unless running on Spaces).' }, { versions: '*', text: 'Whether API clients may call endpoints without going through the queue (default `True`).' }],
    default_enabled: [{ versions: '<4.0.0', text: 'Deprecated in 3.x; has no effect.' }],
  },
};

/** Keywords of event listeners (`btn.click(...)`, `gr.on(...)`, `.then(...)`). */
export const LISTENER: KeywordFacts = {
  fn: 'The function to run; `None` with `js=` runs only JavaScript.',
  inputs: 'Components whose values are passed to `fn`, in order, one per parameter. A set passes one dict keyed by component.',
  outputs: 'Components that receive what `fn` returns: one value per output, in order (a dict keyed by component also works).',
  concurrency_limit: [
    { versions: '>=4.0.0', text: 'At most this many runs of this event at once. `"default"`: the queue\'s `default_concurrency_limit` (1 unless changed); `None`: unlimited. Events sharing a `concurrency_id` share the lowest limit.' },
  ],
  concurrency_id: [{ versions: '>=4.0.0', text: 'Events with the same id share one concurrency limit (the lowest of theirs).' }],
  trigger_mode: [{ versions: '>=4.0.0', text: '`"once"`: ignore triggers while a run is pending; `"multiple"`: run every trigger; `"always_last"`: keep one more run for after the pending one. `None`: always_last for `.change`/`.key_up`, multiple for `.stream`, once otherwise.' }],
  batch: 'With `True`, `fn` gets lists of up to `max_batch_size` values per input and must return a tuple of lists (even for one output). Generators are not allowed.',
  max_batch_size: 'Largest batch passed to `fn` when `batch=True` (default 4).',
  queue: [{ versions: '>=4.0.0', text: '`False` runs the event outside the queue, as a direct HTTP request.' }, { versions: '*', text: '`None` follows the app\'s queue setting; `False` skips the queue for this event.' }],
  show_progress: [{ versions: '>=4.0.0', text: '`"full"`: spinner and timer over the outputs; `"minimal"`: timer only; `"hidden"`: nothing. Default full (minimal for `.stream`, hidden for `.tick`).' }, { versions: '*', text: 'Show a progress animation over the outputs while the event runs.' }],
  api_name: [{ versions: '>=6.0.0', text: 'Name of the API endpoint. `None`: the function\'s name (duplicates get a suffix).' }, { versions: '*', text: 'Name of the API endpoint; `None` uses the function name in recent releases.' }],
  api_visibility: [{ versions: '>=6.0.0', text: '`"public"` (default), `"undocumented"` (callable but not listed) or `"private"` (not callable through the API). Replaces `show_api` (6.0).' }],
  show_api: [{ versions: '>=6.0.0', text: 'Removed in 6.0: use `api_visibility="undocumented"`.' }, { versions: '*', text: 'List this endpoint on the "Use via API" page.' }],
  every: [
    { versions: '>=5.0.0', text: 'Removed from listeners in 5.0 (TypeError). Use `timer = gr.Timer(5)` and `timer.tick(fn, ...)`; `every=` on a component constructor still works.' },
    { versions: '*', text: 'Run `fn` again every that many seconds while the page is open (replaced by `gr.Timer` from 4.38).' },
  ],
  js: [{ versions: '>=4.0.1', text: 'JavaScript run in the browser before `fn` (or instead of it when `fn=None`); it gets the input values.' }],
  _js: [{ versions: '<4.0.1', text: 'JavaScript run in the browser before `fn`. Renamed `js=` in 4.0.1.' }, { versions: '*', text: 'Renamed `js=` in 4.0.1: `_js=` raises TypeError.' }],
  cancels: 'Events (the values other listener calls return) to cancel when this one triggers.',
  time_limit: [{ versions: '>=5.0.0', text: 'Seconds a streaming or generator event may run before it is stopped.' }],
  stream_every: [{ versions: '>=5.0.0', text: 'For `.stream`: seconds of media collected per chunk (default 0.5).' }],
  preprocess: '`False` passes the raw browser payload to `fn` instead of the converted value.',
  postprocess: '`False` sends what `fn` returns to the browser without conversion.',
  scroll_to_output: 'Scroll the page to the outputs when the event finishes.',
  validator: [{ versions: '>=5.49.1', text: 'A function run first (without the queue) that returns `gr.validate(...)` per input; invalid inputs stop the event.' }],
  status_tracker: [{ versions: '<4.0.0', text: 'Deprecated in 3.x; has no effect.' }, { versions: '*', text: 'Removed in 4.0.' }],
};

/** A sentence on the listener method itself (`btn.click`). */
export const LISTENER_SUMMARY: Versioned[] = [
  'Runs `fn` with the current values of `inputs` and writes what it returns to `outputs`.',
  [{ versions: '>=4.0.0', text: 'Runs go through the queue, one at a time per event unless `concurrency_limit=` says otherwise.' }],
  'Chain with `.then(...)` (always), `.success(...)` (only after success) or `.failure(...)`.',
];

/** Apps: a line about each. */
export const APPS: Record<string, Versioned[]> = {
  Blocks: [
    'A custom app: components created inside `with gr.Blocks() as demo:` are laid out in order; listeners wire them.',
    [{ versions: '>=4.0.0', text: 'The queue is on from the start.' }],
    [{ versions: '>=6.0.0', text: '`theme`, `css`, `js` and `head` moved to `launch()` in 6.0.' }],
  ],
  Interface: [
    'A one-function app: `fn` gets one argument per input component and returns one value per output.',
  ],
  ChatInterface: [
    '`fn(message, history)` returns (or yields) the reply; `message` is a `str` (a dict `{"text", "files"}` with `multimodal=True`).',
    [{ versions: '>=6.0.0', text: '`history` is always in messages format.' }],
  ],
  TabbedInterface: ['Shows several apps as tabs.'],
};
