-- Opens a rules file in headless Neovim (0.7 API: vim.lsp.start_client) with
-- iptlint's language server attached, waits for its diagnostics and writes
-- what vim.diagnostic.get() returns to a JSON file for the test to check.
local server = vim.env.IPTLINT_SERVER
local file = vim.env.IPTLINT_FILE
local out = vim.env.IPTLINT_OUT

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'iptables'

local errors = {}
local client_id = vim.lsp.start_client({
  name = 'iptlint',
  cmd = { vim.env.IPTLINT_NODE, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  settings = { iptlint = { debounceMs = 50 } },
  on_error = function(code) table.insert(errors, tostring(code)) end,
})
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local result = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(result, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, code = d.code, source = d.source, message = d.message,
  })
end
vim.fn.writefile({ vim.fn.json_encode({ ok = ok, diagnostics = result, errors = errors }) }, out)

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
