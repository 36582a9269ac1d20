// A grid's attributes: name, kind (综合/专属), its party branch, the grid leader and the
// leader's work phone, other public contacts, and its duties. The form sends them all, as an
// edit that is previewed and saved like any other (with a reason, into the grid's history).

import { el, replace, say } from '../dom.js';
import { PanelTool } from './tool.js';
import { DEDICATED_TO, KINDS } from './words.js';

export class AttributesTool extends PanelTool {
  render() {
    const grid = this.workspace.grid(this.workspace.selected);
    if (!grid) {
      replace(this.panel, el('h2', {}, '网格属性'), el('p', { class: 'pl-empty' }, '请先选择一个网格。'));
      return;
    }
    const p = grid.properties;
    const input = (name, value, extra = {}) => el('input', { name, value: value ?? '', ...extra });
    const contacts = el('div', { class: 'pl-contacts' }, (p.contacts ?? []).map((c) => contactRow(c)));
    const form = el('form', { class: 'pl-attributes', onsubmit: (e) => {
      e.preventDefault();
      this.submit(grid, form, contacts);
    } },
    el('label', {}, '名称', input('name', p.name, { required: true, maxlength: 64 })),
    el('label', {}, '类型', el('select', { name: 'kind' },
      Object.entries(KINDS).map(([v, label]) => el('option', { value: v, selected: p.kind === v }, label)))),
    el('label', {}, '专属网格服务对象', el('select', { name: 'dedicated_to' }, el('option', { value: '' }, '（综合网格不填）'),
      Object.entries(DEDICATED_TO).map(([v, label]) => el('option', { value: v, selected: p.dedicated_to === v }, label)))),
    el('label', {}, '网格党支部', input('branch_name', p.branch_name, { required: true, maxlength: 128 })),
    el('label', {}, '网格长', input('leader_name', p.leader_name, { maxlength: 32 })),
    el('label', {}, '网格长工作电话', input('leader_phone', p.leader_phone, { maxlength: 24, pattern: '[0-9+\\(\\) \\-]{3,24}' })),
    el('fieldset', {}, el('legend', {}, '其他联系人（公开）'), contacts,
      el('button', { type: 'button', class: 'plain', onclick: () => contacts.append(contactRow({})) }, '添加联系人')),
    el('label', {}, '职责（每行一项）', el('textarea', { name: 'duties', rows: 4 }, (p.duties ?? []).join('\n'))),
    el('div', { class: 'pl-buttons' }, el('button', { type: 'submit' }, '预览修改')));
    replace(this.panel, el('h2', {}, `网格属性：${p.name}`), el('p', { class: 'pl-muted-text' }, `${p.code} · 第 ${p.version} 版`), form);
  }

  submit(grid, form, contacts) {
    const f = form.elements;
    const text = (name) => f[name].value.trim() || null;
    const kind = f.kind.value;
    if ((kind === 'dedicated') !== Boolean(f.dedicated_to.value)) {
      say(this.status, '专属网格要选择服务对象；综合网格不选。', 'error');
      return;
    }
    const attributes = {
      name: text('name'), kind, dedicated_to: text('dedicated_to'), branch_name: text('branch_name'),
      leader_name: text('leader_name'), leader_phone: text('leader_phone'),
      contacts: [...contacts.querySelectorAll('.pl-contact')].map((row) => ({
        role: row.querySelector('[name=role]').value.trim(), name: row.querySelector('[name=cname]').value.trim(),
        phone: row.querySelector('[name=phone]').value.trim() || null,
      })).filter((c) => c.role || c.name),
      duties: f.duties.value.split('\n').map((d) => d.trim()).filter(Boolean),
    };
    this.pending.set({ kind: 'attributes', grid: grid.id, attributes }, { title: `修改${grid.properties.name}的属性` });
  }
}

function contactRow(c) {
  const row = el('div', { class: 'pl-contact' },
    el('input', { name: 'role', value: c.role ?? '', placeholder: '角色，如 网格员', maxlength: 32, 'aria-label': '角色' }),
    el('input', { name: 'cname', value: c.name ?? '', placeholder: '姓名', maxlength: 32, 'aria-label': '姓名' }),
    el('input', { name: 'phone', value: c.phone ?? '', placeholder: '电话', maxlength: 24, 'aria-label': '电话' }));
  row.append(el('button', { type: 'button', class: 'plain', 'aria-label': '删除', onclick: () => row.remove() }, '×'));
  return row;
}
