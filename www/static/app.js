// The onboarding page: connect an account (checked in the page by the
// wasm core), mint a token (or finish the OAuth step), show client
// configurations, and a playground that runs tools in the page (the same
// core, straight to Kaltura) or through the server's /mcp. Everything the
// core decides stays in wasm; this file only wires the DOM.
import init, { toolList, connect } from '/pkg/kaltura_mcp_web.js';
import { drawLineChart } from '/chart.js';

const $ = (id) => document.getElementById(id);
const MCP_URL = new URL('/mcp', location.href).href;
const FIELDS = ['serviceUrl', 'partnerId', 'adminSecret', 'ks', 'userId', 'expiresIn'];
// The parameters an MCP client sends to /authorize, carried back to it.
const OAUTH_PARAMS = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'response_type', 'scope', 'resource'];

const state = { connection: null, token: null, tools: [] };
const query = new URLSearchParams(location.search);
const oauth = query.has('client_id') && query.has('code_challenge') && query.has('redirect_uri');

$('mcp-url').textContent = MCP_URL;

// ---- field errors -------------------------------------------------------

function clearErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) { node.hidden = true; node.textContent = ''; }
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

/** Shows `message` next to `field` (or in the form's status), focusing it. */
function showError(field, message, statusId = 'connect-status') {
  const input = field && $(field);
  const slot = field && $(`${field}-error`);
  if (input && slot) {
    slot.textContent = message;
    slot.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    $(statusId).textContent = 'Please correct the marked field.';
  } else {
    $(statusId).textContent = message;
  }
}

// ---- connecting -----------------------------------------------------------

function readForm() {
  const value = (id) => $(id).value.trim();
  const input = { serviceUrl: value('serviceUrl'), expiresIn: Number(value('expiresIn')) };
  if (value('partnerId')) input.partnerId = value('partnerId');
  if (value('adminSecret')) input.adminSecret = value('adminSecret');
  if (value('ks')) input.ks = value('ks');
  if (value('userId')) input.userId = value('userId');
  return input;
}

/** What the server is given: a KS made here instead of the secret when asked. */
function credentialsForServer(input, connection) {
  const { adminSecret, ...rest } = input;
  if (adminSecret && $('keepSecret').checked) {
    return { ...rest, ks: connection.mintKs(input.expiresIn) };
  }
  return input;
}

async function onConnect(event) {
  event.preventDefault();
  const form = $('connect');
  clearErrors(form);
  const button = $('connect-button');
  button.disabled = true;
  $('connect-status').textContent = 'Checking with Kaltura…';
  try {
    const input = readForm();
    let connection;
    try {
      connection = await connect(input);
    } catch (refused) {
      showError(refused?.field, refused?.message ?? String(refused));
      return;
    }
    state.connection?.free();
    state.connection = connection;
    const forServer = credentialsForServer(input, connection);
    if (oauth) {
      $('connect-status').textContent = 'Accepted. Returning to your MCP client…';
      authorize(forServer);
      return;
    }
    $('connect-status').textContent = 'Accepted by Kaltura. Creating your token…';
    const response = await fetch('/api/tokens', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forServer),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status !== 201) {
      // The server may refuse what the page accepted (its allow-list of hosts).
      const field = answer.field === 'ks' && !input.ks ? 'adminSecret' : answer.field;
      showError(field, answer.message ?? `The server answered HTTP ${response.status}.`);
      return;
    }
    state.token = answer.token;
    $('connect-status').textContent = `Connected partner ${connection.info.partnerId}.`;
    showConfigs(answer);
    showPlayground();
  } finally {
    button.disabled = false;
  }
}

/** Posts the consent form to /authorize, which redirects to the MCP client. */
function authorize(fields) {
  const form = $('authorize');
  form.replaceChildren();
  const add = (name, value) => {
    if (value === undefined || value === null || value === '') return;
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = String(value);
    form.append(input);
  };
  for (const name of OAUTH_PARAMS) add(name, query.get(name));
  for (const name of ['serviceUrl', 'partnerId', 'adminSecret', 'ks', 'userId']) add(name, fields[name]);
  form.submit();
}

// ---- client configurations -----------------------------------------------

function clientConfigs(url, token) {
  const bearer = `Bearer ${token}`;
  const json = (value) => JSON.stringify(value, null, 2);
  return [
    {
      id: 'claude-desktop', title: 'Claude Desktop',
      hint: 'Settings › Developer › Edit Config (claude_desktop_config.json); needs Node.js for npx. The header goes through an environment variable because some platforms split arguments at spaces.',
      text: json({ mcpServers: { kaltura: { command: 'npx', args: ['mcp-remote', url, '--header', 'Authorization:${AUTH_HEADER}'], env: { AUTH_HEADER: bearer } } } }),
    },
    {
      id: 'connector', title: 'Claude or ChatGPT custom connector',
      hint: 'Settings › Connectors › Add custom connector, with this URL. You sign in on this page when the connector asks (OAuth); no token to paste.',
      text: url,
    },
    {
      id: 'cursor', title: 'Cursor',
      hint: '~/.cursor/mcp.json (or .cursor/mcp.json in a project).',
      text: json({ mcpServers: { kaltura: { url, headers: { Authorization: bearer } } } }),
    },
    {
      id: 'vscode', title: 'VS Code',
      hint: '.vscode/mcp.json in a workspace, or "MCP: Open User Configuration".',
      text: json({ servers: { kaltura: { type: 'http', url, headers: { Authorization: bearer } } } }),
    },
    {
      id: 'curl', title: 'curl',
      hint: 'Lists the tools; change the body to call one.',
      text: `curl -s '${url}' -H 'Authorization: ${bearer}' -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'`,
    },
  ];
}

function showConfigs(minted) {
  $('token-partner').textContent = String(state.connection.info.partnerId);
  $('token-expiry').textContent = minted.expiresAt;
  const list = $('config-list');
  list.replaceChildren();
  for (const config of clientConfigs(minted.mcpUrl, minted.token)) {
    const article = document.createElement('article');
    article.className = 'config';
    const title = document.createElement('h3');
    title.textContent = config.title;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = config.hint;
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.id = `config-${config.id}`;
    code.textContent = config.text;
    pre.append(code);
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'copy';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', `Copy the ${config.title} configuration`);
    const done = document.createElement('span');
    done.className = 'copied';
    done.setAttribute('role', 'status');
    copy.addEventListener('click', async () => {
      done.textContent = await copyText(config.text) ? 'Copied' : 'Select the text and copy it';
    });
    article.append(title, hint, pre, copy, done);
    list.append(article);
  }
  $('configs').hidden = false;
  $('configs-title').focus();
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// ---- playground -----------------------------------------------------------

/** A property's schema with `$ref` resolved and a `null` alternative dropped. */
function resolve(schema, root) {
  let current = schema ?? {};
  for (let depth = 0; depth < 8; depth++) {
    if (current.$ref) {
      const name = current.$ref.split('/').pop();
      const target = root.$defs?.[name] ?? root.definitions?.[name] ?? {};
      current = { ...target, description: current.description ?? target.description, default: current.default ?? target.default };
      continue;
    }
    const options = current.anyOf ?? current.oneOf;
    if (options) {
      const nonNull = options.filter((option) => option.type !== 'null');
      // An enum written as alternatives: one `const` (or a few `enum` values) each.
      if (nonNull.length > 1 && nonNull.every((option) => 'const' in option || Array.isArray(option.enum))) {
        const values = nonNull.flatMap((option) => ('const' in option ? [option.const] : option.enum));
        return { ...current, type: 'string', enum: values, anyOf: undefined, oneOf: undefined };
      }
      if (nonNull.length === 1) {
        current = { ...nonNull[0], description: current.description ?? nonNull[0].description, default: current.default };
        continue;
      }
    }
    if (Array.isArray(current.type)) {
      current = { ...current, type: current.type.find((type) => type !== 'null') };
    }
    return current;
  }
  return current;
}

function kindOf(schema) {
  if (schema.enum) return 'enum';
  if (schema.type === 'array' && ['string', 'integer', 'number'].includes(schema.items?.type)) return 'list';
  if (['boolean', 'integer', 'number', 'string'].includes(schema.type)) return schema.type;
  return 'json';
}

function argumentField(name, raw, root, required) {
  const schema = resolve(raw, root);
  const kind = kindOf(schema);
  const id = `arg-${name}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = required ? `${name} (required)` : name;
  let input;
  if (kind === 'enum' || kind === 'boolean') {
    input = document.createElement('select');
    const values = kind === 'enum' ? schema.enum : [true, false];
    for (const value of ['', ...values]) {
      const option = document.createElement('option');
      option.value = value === '' ? '' : String(value);
      option.textContent = value === '' ? (schema.default !== undefined ? `default (${schema.default})` : '—') : String(value);
      input.append(option);
    }
  } else if (kind === 'json') {
    input = document.createElement('textarea');
    input.rows = 3;
    input.placeholder = 'JSON';
  } else {
    input = document.createElement('input');
    if (kind === 'integer' || kind === 'number') {
      input.type = 'number';
      input.step = kind === 'integer' ? '1' : 'any';
      if (schema.minimum !== undefined) input.min = schema.minimum;
      if (schema.maximum !== undefined) input.max = schema.maximum;
    }
    if (kind === 'list') input.placeholder = 'comma-separated';
    else if (schema.default !== undefined) input.placeholder = `default: ${schema.default}`;
  }
  input.id = id;
  input.name = name;
  input.dataset.kind = kind;
  input.dataset.itemType = schema.items?.type ?? '';
  if (required) input.required = true;
  const described = [];
  if (schema.description) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${id}-hint`;
    hint.textContent = schema.description;
    described.push(hint);
  }
  const error = document.createElement('p');
  error.className = 'field-error';
  error.id = `${id}-error`;
  error.hidden = true;
  input.setAttribute('aria-describedby', [...described.map((node) => node.id), error.id].join(' '));
  wrapper.append(label, input, ...described, error);
  return wrapper;
}

function showTool() {
  const tool = state.tools.find((candidate) => candidate.name === $('tool').value);
  $('tool-description').textContent = tool?.description ?? '';
  const fields = $('argument-fields');
  fields.replaceChildren();
  const schema = tool?.inputSchema ?? {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    fields.append(argumentField(name, property, schema, required.has(name)));
  }
  if (!fields.children.length) fields.textContent = 'This tool takes no arguments.';
}

/** The form's arguments, or `null` after marking the first bad field. */
function readArguments() {
  const args = {};
  for (const input of $('argument-fields').querySelectorAll('input, select, textarea')) {
    const text = input.value.trim();
    const name = input.name;
    if (!text) {
      if (input.required) return badArgument(input, `${name} is required`);
      continue;
    }
    const number = (value) => Number(value);
    switch (input.dataset.kind) {
      case 'integer':
      case 'number':
        if (!Number.isFinite(number(text))) return badArgument(input, `${name} must be a number`);
        args[name] = number(text);
        break;
      case 'boolean':
        args[name] = text === 'true';
        break;
      case 'list': {
        const items = text.split(',').map((item) => item.trim()).filter(Boolean);
        args[name] = input.dataset.itemType === 'string' ? items : items.map(number);
        break;
      }
      case 'json':
        try {
          args[name] = JSON.parse(text);
        } catch {
          return badArgument(input, `${name} must be JSON, e.g. {"after": "2026-01-01"}`);
        }
        break;
      default:
        args[name] = text;
    }
  }
  return args;
}

function badArgument(input, message) {
  const slot = $(`${input.id}-error`);
  slot.textContent = message;
  slot.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
  $('run-status').textContent = 'Please correct the marked argument.';
  return null;
}

/** `tools/call` through the server's /mcp with the token. */
async function callThroughServer(name, args) {
  const response = await fetch('/mcp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${state.token}`,
      'mcp-protocol-version': '2025-06-18',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  let message;
  if (type.includes('text/event-stream')) {
    // The last JSON-RPC response in the stream is the answer.
    const events = text.split('\n').filter((line) => line.startsWith('data:')).map((line) => JSON.parse(line.slice(5)));
    message = events.reverse().find((event) => 'result' in event || 'error' in event);
  } else {
    message = text ? JSON.parse(text) : null;
  }
  if (!response.ok && !message) throw { message: `The server answered HTTP ${response.status}.` };
  if (message?.error) throw { message: message.error.message };
  return message.result;
}

async function onRun(event) {
  event.preventDefault();
  clearErrors($('tool-form'));
  const args = readArguments();
  if (!args) return;
  const name = $('tool').value;
  const route = new FormData($('tool-form')).get('route');
  $('run-button').disabled = true;
  $('run-status').textContent = `Running ${name}…`;
  const started = performance.now();
  try {
    const result = route === 'server' ? await callThroughServer(name, args) : await state.connection.runTool(name, args);
    const millis = Math.round(performance.now() - started);
    $('run-status').textContent = result.isError
      ? `${name} answered with an error (${millis} ms).`
      : `${name} answered in ${millis} ms (${route === 'server' ? 'through the server' : 'in this page'}).`;
    showResult(result);
  } catch (failure) {
    $('run-status').textContent = failure?.message ?? String(failure);
  } finally {
    $('run-button').disabled = false;
  }
}

function showResult(result) {
  const text = (result.content ?? []).filter((block) => block.type === 'text').map((block) => block.text).join('\n');
  $('result-text').textContent = text;
  $('result-json').textContent = JSON.stringify(result.structuredContent ?? null, null, 2);
  $('result').hidden = false;
  const chart = $('chart');
  for (const old of chart.querySelectorAll('svg')) old.remove();
  const plots = chartsOf(result.structuredContent);
  chart.hidden = plots.length === 0;
  $('chart-caption').textContent = plots.map((plot) => plot.title).join('; ');
  for (const plot of plots) chart.append(drawLineChart(plot));
}

/** Time series and retention curves in a structured result, as plots. */
function chartsOf(content) {
  if (!content) return [];
  if (Array.isArray(content.curve) && content.curve.length) {
    return [{
      title: `Retention of ${content.entryName ?? content.entryId ?? 'the entry'} (% of starting viewers by % of the video)`,
      labels: content.curve.map((point) => `${point.percentile}%`),
      values: content.curve.map((point) => point.retention),
    }];
  }
  if (Array.isArray(content.series)) {
    return content.series.filter((series) => series.points?.length).slice(0, 4).map((series) => ({
      title: series.metric,
      labels: series.points.map((point) => point.date),
      values: series.points.map((point) => point.value),
    }));
  }
  return [];
}

function showPlayground() {
  const select = $('tool');
  if (!select.options.length) {
    for (const tool of state.tools) {
      const option = document.createElement('option');
      option.value = tool.name;
      option.textContent = tool.title ? `${tool.title} (${tool.name})` : tool.name;
      select.append(option);
    }
    showTool();
  }
  $('route-server').disabled = !state.token;
  if (!state.token) $('route-page').checked = true;
  $('playground').hidden = false;
}

// ---- start ----------------------------------------------------------------

async function start() {
  if (oauth) {
    $('oauth-banner').hidden = false;
    $('oauth-return').textContent = new URL(query.get('redirect_uri'), location.href).host;
  }
  for (const field of FIELDS) {
    $(field).addEventListener('input', () => {
      $(field).removeAttribute('aria-invalid');
      $(`${field}-error`).hidden = true;
    });
  }
  await init();
  state.tools = toolList();
  $('connect').addEventListener('submit', onConnect);
  $('tool').addEventListener('change', showTool);
  $('tool-form').addEventListener('submit', onRun);
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  $('connect-status').textContent = `The page could not start: ${error.message ?? error}`;
});
