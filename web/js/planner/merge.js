// Merging two adjacent grids: with a grid selected, click its neighbour (or choose it from the
// list); the selected grid keeps its code and branch, the other is retired and its households,
// party groups and stations come over.

import { el, replace, say } from '../dom.js';
import { PanelTool } from './tool.js';

export class MergeTool extends PanelTool {
  constructor(context) {
    super(context);
    this.claimsClicks = true;
  }

  render() {
    const grid = this.workspace.selected;
    const others = this.workspace.grids.filter((g) => g.id !== grid)
      .map((g) => el('option', { value: g.id }, g.properties.name));
    replace(this.panel, el('h2', {}, '合并网格'),
      grid ? el('p', {}, `点击与${this.workspace.name(grid)}相邻的网格，把它并入${this.workspace.name(grid)}（保留其编码和支部）。`)
        : el('p', { class: 'pl-empty' }, '请先选择保留的网格。'),
      el('label', {}, '或选择并入的网格', el('select', { name: 'other', onchange: (e) => e.target.value && this.gridClick(Number(e.target.value)) },
        el('option', { value: '' }, '请选择'), others)));
  }

  gridClick(other) {
    const grid = this.workspace.selected;
    if (!grid) {
      this.workspace.select(other);
      return;
    }
    if (other === grid) {
      say(this.status, '请点击另一个相邻的网格。', 'error');
      return;
    }
    this.pending.set({ kind: 'merge', grid, other },
      { title: `把${this.workspace.name(other)}并入${this.workspace.name(grid)}` });
  }
}
