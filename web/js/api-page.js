// Renders /api/openapi.json for people: every operation grouped by tag, with its full path,
// parameters and responses. Plain DOM, text only (no HTML from the document is interpreted).

const options = {
  url: '/api/openapi.json',
  methods: ['get', 'post', 'put', 'patch', 'delete'],
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

// Follows a local "#/components/..." reference; anything else is returned as it is.
function resolve(doc, node) {
  if (!node || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return node.$ref.slice(2).split('/').reduce((n, key) => (n ? n[key] : undefined), doc) ?? node;
}

function refName(schema) {
  return schema && schema.$ref ? schema.$ref.split('/').pop() : '';
}

function typeOf(schema) {
  if (!schema) return '';
  if (schema.$ref) return refName(schema);
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  const bits = [schema.type ?? 'any'];
  if (schema.format) bits.push(schema.format);
  if (schema.enum) bits.push(`one of ${schema.enum.join(', ')}`);
  if (schema.maximum !== undefined) bits.push(`≤ ${schema.maximum}`);
  if (schema.default !== undefined) bits.push(`default ${schema.default}`);
  return bits.join(', ');
}

// The path as a client calls it: the server of the path (or of the document) plus the key.
function fullPath(doc, key, item) {
  const server = (item.servers ?? doc.servers ?? [{ url: '' }])[0].url;
  const url = server + (key === '/' ? '' : key);
  return url.startsWith(location.origin) ? url.slice(location.origin.length) || '/' : url;
}

function parametersTable(doc, params) {
  if (!params.length) return el('p', { class: 'muted' }, 'No parameters.');
  const body = el('tbody');
  for (const raw of params) {
    const p = resolve(doc, raw);
    body.append(el('tr', {}, el('td', {}, el('code', {}, p.name)), el('td', {}, p.in),
      el('td', {}, p.required ? 'required' : ''), el('td', {}, typeOf(p.schema)), el('td', {}, p.description ?? '')));
  }
  return el('table', {}, el('thead', {}, el('tr', {}, ...['name', 'in', '', 'type', 'description'].map((h) => el('th', {}, h)))), body);
}

function responsesTable(doc, responses) {
  const body = el('tbody');
  for (const [status, raw] of Object.entries(responses ?? {})) {
    const r = resolve(doc, raw);
    const types = Object.entries(r.content ?? {}).map(([type, c]) => `${type}${refName(c.schema) ? ` (${refName(c.schema)})` : ''}`);
    body.append(el('tr', {}, el('td', {}, status), el('td', {}, r.description ?? ''), el('td', {}, el('code', {}, types.join(' · ')))));
  }
  return el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'status'), el('th', {}, 'meaning'), el('th', {}, 'media type'))), body);
}

function operationArticle(doc, method, key, item, op) {
  const path = fullPath(doc, key, item);
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const article = el('article', { class: 'operation', id, 'data-path': path, 'data-method': method.toUpperCase() },
    el('h3', {}, el('span', { class: `method ${method}` }, method.toUpperCase()), el('code', {}, path)),
    el('p', {}, op.summary ?? ''));
  if (op.description) article.append(el('p', { class: 'muted' }, op.description));
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
  article.append(el('h4', {}, 'Parameters'), parametersTable(doc, params));
  if (op.requestBody) {
    const body = resolve(doc, op.requestBody);
    article.append(el('h4', {}, 'Body'), el('p', {}, el('code', {}, Object.keys(body.content ?? {}).join(' · ')), ' ', body.description ?? ''));
  }
  article.append(el('h4', {}, 'Responses'), responsesTable(doc, op.responses));
  return { id, path, article };
}

function render(doc) {
  document.getElementById('title').textContent = `${doc.info.title} — API ${doc.info.version}`;
  document.getElementById('description').textContent = doc.info.description ?? '';
  const byTag = new Map((doc.tags ?? []).map((t) => [t.name, []]));
  for (const [key, item] of Object.entries(doc.paths)) {
    for (const method of options.methods) {
      if (!item[method]) continue;
      const tag = item[method].tags?.[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(operationArticle(doc, method, key, item, item[method]));
    }
  }
  const toc = el('ul');
  const operations = document.getElementById('operations');
  for (const [tag, ops] of byTag) {
    if (!ops.length) continue;
    const description = (doc.tags ?? []).find((t) => t.name === tag)?.description ?? '';
    const section = el('section', { class: 'tag' }, el('h2', {}, tag), el('p', { class: 'muted' }, description));
    for (const op of ops) {
      section.append(op.article);
      toc.append(el('li', {}, el('a', { href: `#${op.id}` }, `${op.article.dataset.method} ${op.path}`)));
    }
    operations.append(section);
  }
  document.getElementById('toc').append(toc);
}

fetch(options.url, { headers: { Accept: 'application/vnd.oai.openapi+json;version=3.0, application/json' } })
  .then((r) => {
    if (!r.ok) throw new Error(`${options.url} answered ${r.status}`);
    return r.json();
  })
  .then(render)
  .catch((e) => {
    const d = document.getElementById('description');
    d.textContent = `The API description could not be loaded: ${e.message}`;
    d.className = 'error';
  });
