// planner.html: for planners (and admins) only. Loads the communities in the planner's scope,
// draws the chosen one's grids on the map and in the list, and switches between the editing
// tools; every tool hands its edit to the one pending edit, which previews and saves it.

import { getJson } from '../api.js';
import { el, replace, say } from '../dom.js';
import { startStaffPage } from '../session.js';
import { AttributesTool } from './attributes.js';
import { BlockTool } from './blocks.js';
import { markSelected, showExports, showGridList } from './gridlist.js';
import { HistoryTool } from './history.js';
import { MergeTool } from './merge.js';
import { PendingEdit } from './pending.js';
import { PlannerMap } from './plannermap.js';
import { ProposalTool } from './proposal.js';
import { SplitTool } from './split.js';
import { VertexTool } from './vertices.js';
import { Workspace } from './workspace.js';

const $ = (id) => document.getElementById(id);
const status = $('status');

async function start() {
  const account = await startStaffPage(status, ['planner', 'admin'], '此页面需要规划人员账户。');
  if (!account) {
    return;
  }
  $('planner').hidden = false;
  const workspace = new Workspace();
  const map = new PlannerMap($('map'));
  const pending = new PendingEdit(workspace, map, $('pending'), status);
  let streets = [];
  const context = { workspace, map, pending, status, streets: () => streets };
  const tools = {
    blocks: new BlockTool(context), vertices: new VertexTool(context), split: new SplitTool(context),
    merge: new MergeTool(context), attributes: new AttributesTool(context), proposal: new ProposalTool(context),
    history: new HistoryTool(context),
  };
  let active = null;
  const panel = $('tool-panel');

  const activate = (name) => {
    active?.stop();
    pending.clear();
    map.showGrids(workspace.grids, workspace.selected);
    active = name ? tools[name] : null;
    for (const b of $('tools').querySelectorAll('button')) b.classList.toggle('pl-active', b.dataset.tool === name);
    if (active) {
      active.start(panel);
    } else {
      replace(panel, el('p', { class: 'pl-empty' }, '在地图或左侧列表中选择一个网格，再选择一种编辑方式。'));
    }
    document.body.dataset.tool = name ?? '';
  };

  workspace.on('load', () => {
    map.showCommunity(workspace.community);
    showGridList(workspace, $('grid-rows'), $('grid-summary'), $('grid-empty'));
    showExports($('exports'), workspace.community);
    activate(active ? Object.keys(tools).find((k) => tools[k] === active) : null);
  });
  workspace.on('select', (id) => {
    map.select(id);
    markSelected($('grid-rows'), id);
    active?.onSelect?.(id);
    const url = new URL(location.href);
    url.searchParams.set('community', workspace.community.id);
    if (id) url.searchParams.set('grid', id); else url.searchParams.delete('grid');
    history.replaceState(null, '', url);
  });
  map.onGridClick = (id) => {
    if (active?.claimsClicks) active.gridClick?.(id);
    else workspace.select(id);
  };
  $('tools').addEventListener('click', (e) => {
    const name = e.target.closest('button')?.dataset.tool;
    if (name) activate(active === tools[name] ? null : name);
  });
  $('target').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = e.target.elements;
    const min = Number(f.min.value);
    const max = Number(f.max.value);
    if (!(min >= 1 && max >= min)) {
      say(status, '目标户数：下限至少 1，上限不小于下限。', 'error');
      return;
    }
    workspace.target = { min, max };
    await workspace.load();
    say(status, `已按每格 ${min}–${max} 户重新着色。`);
  });

  const communities = await workspace.loadCommunities();
  const select = $('community');
  if (!communities.length) {
    replace(select, el('option', { value: '' }, '（无）'));
    say(status, '你的账户范围内没有社区。请联系管理员分配街道。', 'error');
    return;
  }
  replace(select, communities.map((c) => el('option', { value: c.id }, `${c.subdistrict} · ${c.name}（${c.grids} 格）`)));
  select.disabled = false;
  const open = async (id, grid) => {
    say(status, '正在载入…');
    activate(null);
    workspace.selected = grid;
    await workspace.load(id);
    map.fit(workspace.bbox());
    streets = (await getJson('/api/streets', { bbox: workspace.bbox().join(',') })).features;
    map.showStreets(streets);
    say(status, `${workspace.community.name}：${workspace.grids.length} 个网格。`);
    document.body.dataset.ready = 'true';
  };
  select.addEventListener('change', () => open(Number(select.value), null).catch(failed));
  const params = new URLSearchParams(location.search);
  const wanted = communities.find((c) => c.id === Number(params.get('community'))) ?? communities[0];
  select.value = String(wanted.id);
  await open(wanted.id, Number(params.get('grid')) || null);
}

function failed(e) {
  say(status, e.status === 401 ? '登录已过期，请重新登录。' : `出错了：${e.message}`, 'error');
}

start().catch(failed);
