// What the editing tools share: each is given the page's context (workspace, map, pending edit,
// status line, streets), draws into the tool panel while it is on, and draws again when
// another grid is selected.

export class PanelTool {
  constructor(context) {
    Object.assign(this, context);
  }

  start(panel) {
    this.panel = panel;
    this.render();
  }

  stop() {
    this.panel = null;
  }

  onSelect() {
    if (this.panel) this.render();
  }
}
