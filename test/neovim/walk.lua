-- A writer's walk in a real Neovim against the bundled Trustline server, with only Neovim's
-- built-in LSP client (`vim.lsp`): no plugins, no user config (`-u NONE`). Written for and run on
-- Debian's Neovim 0.7.2; later versions change some of the vim.lsp internals used here (the
-- code action menu's items, `resolved_capabilities`), so a newer Neovim may need this adapted.
-- Run by test/neovim/neovim.test.ts:
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/walk.lua'
-- Inputs come from the environment (TRUSTLINE_NVIM_*); the result is one JSON object written to
-- TRUSTLINE_NVIM_OUT, and every step records what Neovim saw, so a failure says where it stopped.
-- Every wait is on an event or a state (vim.wait with a predicate), bounded by a generous timeout.

local env = function(name)
  local v = os.getenv(name)
  if v == nil or v == '' then error('missing environment variable ' .. name) end
  return v
end

local OUT = env('TRUSTLINE_NVIM_OUT')
local SERVER = env('TRUSTLINE_NVIM_SERVER')
local NODE = env('TRUSTLINE_NVIM_NODE')
local ROOT = env('TRUSTLINE_NVIM_ROOT')
local EMOJI_DRAFT = env('TRUSTLINE_NVIM_EMOJI_DRAFT')
local COLD_DRAFT = env('TRUSTLINE_NVIM_COLD_DRAFT')
local TIMEOUT = 30000

local result = { nvim = vim.version(), steps = {}, notifications = {}, messages = {} }

local function finish(err)
  if err then result.error = tostring(err) end
  local f = assert(io.open(OUT, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

-- What Neovim would show the writer: vim.notify ("No code actions available") and the server's
-- window/showMessage lines, recorded instead of printed.
vim.notify = function(msg, level)
  table.insert(result.notifications, { message = tostring(msg), level = level })
end
vim.lsp.handlers['window/showMessage'] = function(_, params)
  table.insert(result.messages, params)
  return vim.NIL
end

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 20) then error('timed out waiting for ' .. what) end
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

--- Put the cursor on the first occurrence of `needle` (byte column, as Neovim counts).
local function cursor_on(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { i, col - 1 })
      return i - 1
    end
  end
  error('"' .. needle .. '" is not in the buffer')
end

local function diagnostics_of(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, source = d.source, message = d.message })
  end
  return out
end

--- Run vim.lsp.buf.code_action() as a writer does (the cursor on the line, the line's diagnostics
--- sent back the way Neovim converts them), pick the action `choose` selects from the menu, and
--- return every title offered.
local function code_action(choose)
  local offered = nil
  local original_select = vim.ui.select
  vim.ui.select = function(items, _, on_choice)
    offered = {}
    local pick = nil
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, action.title)
      if pick == nil and choose(action) then pick = item end
    end
    on_choice(pick)
  end
  local before = #result.notifications
  vim.lsp.buf.code_action()
  wait_for('the code action menu (or "No code actions available")', function()
    return offered ~= nil or #result.notifications > before
  end)
  vim.ui.select = original_select
  return offered or {}
end

local ok, err = pcall(function()
  vim.cmd('filetype on')
  local client_id = vim.lsp.start_client({
    name = 'trustline',
    cmd = { NODE, SERVER, '--stdio' },
    root_dir = ROOT,
    -- Neovim 0.7 does not answer workspace/configuration: it pushes these in didChangeConfiguration.
    settings = { trustline = { debounceMs = 0 } },
  })
  if not client_id then error('vim.lsp.start_client returned nil') end

  -- 1. Diagnostics on the emoji draft.
  vim.cmd('edit ' .. vim.fn.fnameescape(EMOJI_DRAFT))
  local emoji_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(emoji_buf, client_id)
  wait_for('diagnostics on ' .. EMOJI_DRAFT, function() return #vim.diagnostic.get(emoji_buf) > 0 end)
  local client = vim.lsp.get_client_by_id(client_id)
  result.steps.diagnostics = diagnostics_of(emoji_buf)
  result.steps.filetype = vim.bo[emoji_buf].filetype
  result.steps.executeCommands = client.server_capabilities and client.server_capabilities.executeCommandProvider
    or (client.resolved_capabilities and client.resolved_capabilities.execute_command)

  -- 2. A hover on the ask (the line starts with an emoji and the ask is in math-bold letters).
  local ask_line = cursor_on(emoji_buf, '𝗕𝗼𝗼𝗸')
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(emoji_buf, 'textDocument/hover', params, TIMEOUT)
  local hover = nil
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then hover = r.result.contents.value or r.result.contents end
  end
  result.steps.hover = { position = params.position, markdown = hover }

  -- 3. The preferred rewrite, through the code action menu, on that same emoji line.
  result.steps.rewrite = { line = ask_line, before = vim.api.nvim_buf_get_lines(emoji_buf, ask_line, ask_line + 1, false)[1] }
  local before_text = buffer_text(emoji_buf)
  result.steps.rewrite.offered = code_action(function(action) return action.isPreferred == true end)
  if #result.steps.rewrite.offered == 0 then
    local last = result.notifications[#result.notifications]
    error('no code actions on the emoji line' .. (last and (': Neovim said "' .. last.message .. '"') or ''))
  end
  wait_for('the rewrite to reach the buffer', function() return buffer_text(emoji_buf) ~= before_text end)
  result.steps.rewrite.after = vim.api.nvim_buf_get_lines(emoji_buf, ask_line, ask_line + 1, false)[1]
  -- The server sees the edit (didChange) and clears ask-exceeds-trust.
  wait_for('ask-exceeds-trust to go after the rewrite', function()
    for _, d in ipairs(vim.diagnostic.get(emoji_buf)) do
      if d.code == 'ask-exceeds-trust' then return false end
    end
    return true
  end)
  result.steps.rewrite.diagnosticsAfter = diagnostics_of(emoji_buf)

  -- 4. "Set the audience trust..." on the cold email: the server asks which level
  --    (window/showMessageRequest, answered here as a writer picking 3 ENGAGED) and sends the edit.
  vim.cmd('edit ' .. vim.fn.fnameescape(COLD_DRAFT))
  local cold_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(cold_buf, client_id)
  wait_for('diagnostics on ' .. COLD_DRAFT, function() return #vim.diagnostic.get(cold_buf) > 0 end)
  local asked = nil
  vim.lsp.handlers['window/showMessageRequest'] = function(_, request)
    asked = request
    for _, action in ipairs(request.actions) do
      if action.title:find('ENGAGED', 1, true) then return action end
    end
    return vim.NIL
  end
  cursor_on(cold_buf, 'book a 30-minute demo')
  local cold_before = buffer_text(cold_buf)
  local offered = code_action(function(action) return action.title == 'Set the audience trust...' end)
  wait_for('the trust: edit', function() return buffer_text(cold_buf) ~= cold_before end)
  result.steps.setTrust = {
    offered = offered,
    question = asked and asked.message,
    choices = asked and vim.tbl_map(function(a) return a.title end, asked.actions),
    frontMatter = vim.api.nvim_buf_get_lines(cold_buf, 0, 5, false),
  }

  -- 5. "Open the ... skill": Neovim 0.7 cannot open a document for the server
  --    (window/showDocument), so the server says where the skill is; 0.8+ opens it.
  local skill_offered = code_action(function(action) return action.title:find('^Open the ') ~= nil end)
  local opened = nil
  wait_for('the skill to open or its path to be shown', function()
    for _, m in ipairs(result.messages) do
      if m.message:find('SKILL.md', 1, true) then opened = m.message return true end
    end
    local name = vim.api.nvim_buf_get_name(0)
    if name:find('SKILL.md', 1, true) then opened = name return true end
    return false
  end)
  result.steps.openSkill = { offered = skill_offered, opened = opened }

  vim.lsp.stop_client(client_id)
end)

finish(not ok and err or nil)
