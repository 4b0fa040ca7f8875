-- Drives the standalone Gradio language server from headless Neovim (0.7+, no vim.lsp.start needed):
-- opens a Gradio app, attaches `node dist/server.js --stdio`, waits for the published diagnostics, asks for a
-- hover, applies a quick fix through Neovim's own workspace-edit code and waits for the re-published
-- diagnostics. Everything it saw is written as JSON to $GRADIO_NVIM_OUT; nvim exits 0 on success, 1 otherwise.
--
--   GRADIO_NVIM_APP=/tmp/x/app.py GRADIO_NVIM_OUT=/tmp/x/out.json GRADIO_NVIM_SERVER=dist/server.js \
--     nvim --headless --clean -c 'luafile test/nvim/gradio_lsp.lua'
--
-- Optional: GRADIO_NVIM_NODE (node binary), GRADIO_NVIM_TIMEOUT_MS (each wait; default 20000),
-- GRADIO_NVIM_HOVER (text to hover on; default `Image`), GRADIO_NVIM_TARGET (gradio.targetVersion setting).

local app = assert(os.getenv('GRADIO_NVIM_APP'), 'GRADIO_NVIM_APP is not set')
local out_path = assert(os.getenv('GRADIO_NVIM_OUT'), 'GRADIO_NVIM_OUT is not set')
local server = assert(os.getenv('GRADIO_NVIM_SERVER'), 'GRADIO_NVIM_SERVER is not set')
local node = os.getenv('GRADIO_NVIM_NODE') or 'node'
local timeout = tonumber(os.getenv('GRADIO_NVIM_TIMEOUT_MS') or '') or 20000
local hover_on = os.getenv('GRADIO_NVIM_HOVER') or 'Image'
local target = os.getenv('GRADIO_NVIM_TARGET') or ''

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, steps = {} }
local published = {} -- every publishDiagnostics for the app, in order: { version, codes }
local start = vim.loop.hrtime()

local function ms() return math.floor((vim.loop.hrtime() - start) / 1e6) end
local function step(name) table.insert(result.steps, { name = name, ms = ms() }) end

local function write_result()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function codes_of(diags)
  local codes = {}
  for _, d in ipairs(diags) do table.insert(codes, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) end
  table.sort(codes)
  return codes
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local function run()
  -- Python's ftplugin probes for a Python provider (seconds per interpreter under pyenv): not needed here.
  vim.g.loaded_python3_provider = 0
  vim.cmd('edit ' .. vim.fn.fnameescape(app))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local client_id = vim.lsp.start_client({
    name = 'gradio',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(app, ':p:h'),
    settings = { gradio = target ~= '' and { targetVersion = target } or {} },
    -- Neovim 0.7 neither advertises workspace/configuration nor sends the settings by itself; like
    -- nvim-lspconfig, push them once the server is initialized.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        if params and params.uri == uri then
          table.insert(published, { version = params.version, codes = codes_of(params.diagnostics) })
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
      end,
    },
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'start_client returned nil')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)
  step('started')

  assert(vim.wait(timeout, function() return client.initialized end, 20), 'server did not initialize in ' .. timeout .. ' ms')
  result.hover_provider = client.server_capabilities ~= nil and client.server_capabilities.hoverProvider ~= nil
  step('initialized')

  -- Diagnostics, as Neovim's diagnostic API holds them (the same list `:lua vim.diagnostic.setqflist()` shows).
  assert(vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20),
    'no diagnostics within ' .. timeout .. ' ms')
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(diags, {
      code = lsp.code or d.code, source = d.source, message = d.message, severity = d.severity,
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    })
  end
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  result.diagnostics = diags
  step('diagnostics')

  -- Hover on the first occurrence of `hover_on` (ASCII file: byte column == UTF-16 column).
  local hover_pos
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(hover_on, 1, true)
    if col then hover_pos = { line = i - 1, character = col } break end -- col is 1-based: +0 lands inside the word
  end
  assert(hover_pos, 'text to hover on not found: ' .. hover_on)
  local hover = client.request_sync('textDocument/hover',
    { textDocument = { uri = uri }, position = hover_pos }, timeout, bufnr)
  assert(hover, 'hover request timed out')
  assert(not hover.err, 'hover error: ' .. vim.inspect(hover.err))
  local contents = hover.result and hover.result.contents
  local lines = contents and vim.lsp.util.convert_input_to_markdown_lines(contents) or {}
  result.hover = { position = hover_pos, text = table.concat(lines, '\n') }
  step('hover')

  -- Quick fix for the first GR199 finding: request code actions with that diagnostic as context, apply the
  -- action's workspace edit with Neovim's own code, and wait for the server to re-publish for the new version.
  local target_diag
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (lsp.code or d.code) == 'GR199' then
      -- Neovim 0.7 keeps only code/data/... of the LSP diagnostic in user_data; rebuild the rest as
      -- vim.lsp.buf.code_action does (newer versions keep the whole diagnostic).
      target_diag = vim.tbl_extend('keep', lsp, {
        range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
        message = d.message, severity = d.severity, source = d.source, code = d.code,
      })
      break
    end
  end
  if target_diag then
    local actions = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = uri }, range = target_diag.range,
      context = { diagnostics = { target_diag }, only = { 'quickfix' } },
    }, timeout, bufnr)
    assert(actions and not actions.err, 'codeAction failed: ' .. vim.inspect(actions and actions.err))
    result.code_actions = {}
    local chosen
    for _, a in ipairs(actions.result or {}) do
      table.insert(result.code_actions, a.title)
      if not chosen and a.edit and not a.title:find('^Suppress') then chosen = a end
    end
    step('code actions')
    if chosen then
      local before = #published
      vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
      result.applied = chosen.title
      result.text_after_fix = buffer_text(bufnr)
      assert(vim.wait(timeout, function() return #published > before end, 20),
        'no diagnostics re-published within ' .. timeout .. ' ms after the edit')
      result.codes_after_fix = published[#published].codes
      step('fix applied')
    end
  end

  result.published = published
  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return result.server_exit ~= nil end, 20)
  step('stopped')
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  result.error = tostring(err)
  result.published = published
end
result.total_ms = ms()
pcall(write_result)
vim.cmd(ok and 'qall!' or 'cquit! 1')
