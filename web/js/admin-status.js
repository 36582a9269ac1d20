// The 系统状态 section of admin.html: /api/admin/status as facts (database and software versions,
// the connection pool, running imports, kept answers) and a table of the layers' rows and versions.
import { get } from './api.js';
import { el, replace, say } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The layer_version name of each row count, where it has one. */
const VERSION_OF = {
  subdistricts: 'subdistrict', communities: 'community', grids: 'grid', party_groups: 'party_group', streets: 'street',
  estates: 'estate', buildings: 'building', addresses: 'address', stations: 'station',
};

function fact(label, value) {
  return [el('dt', {}, label), el('dd', {}, value ?? '—')];
}

async function load(status) {
  try {
    const s = await get('/api/admin/status');
    const pool = s.server.pool;
    replace($('system-facts'),
      fact('PostgreSQL', s.database.server), fact('PostGIS', s.database.postgis), fact('pgRouting', s.database.pgrouting),
      fact('数据库版本（迁移）', s.database.schema_version), fact('Java', s.server.java),
      fact('内存', `${s.server.heap_used_mb} / ${s.server.heap_max_mb} MB`),
      fact('连接池', pool ? `使用 ${pool.active}，空闲 ${pool.idle}，共 ${pool.total}，等待 ${pool.waiting}` : null),
      fact('正在导入', String(s.imports_running)), fact('缓存的公开答复', String(s.server.kept_answers)));
    replace($('system-layers'), Object.entries(s.layers).map(([layer, rows]) => el('tr', {},
      el('td', {}, layer), el('td', {}, rows.toLocaleString('zh-CN')), el('td', {}, s.layer_versions?.[VERSION_OF[layer]] ?? ''))));
    $('system-time').textContent = `更新于 ${new Date().toLocaleTimeString('zh-CN', { hour12: false })}`;
  } catch (e) {
    say(status, `系统状态：${e.message}`, 'error');
  }
}

export function initStatus(status) {
  $('system-refresh').addEventListener('click', () => load(status));
  load(status);
}
