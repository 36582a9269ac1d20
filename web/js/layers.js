// The layer panel: a switch per layer (own basemap, online tiles when configured, grids, and
// each kind of post) that is also the legend, and the button that opens it. What is switched
// off is kept in the URL (hide=…).

import { el, replace } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { GLYPHS, KINDS } from './stations.js';

/**
 * layers: [{key, label: () => text, swatch: Node|null, visible: () => boolean, set: (on) => void}]
 * onChange(hiddenKeys) is called after every switch.
 */
export function createLayerPanel(panel, button, layers, onChange) {
  const render = () => {
    const items = layers.map((layer) => {
      const input = el('input', { type: 'checkbox', id: `layer-${layer.key}`, checked: layer.visible(),
        onchange: (e) => {
          layer.set(e.target.checked);
          onChange(layers.filter((l) => !l.visible()).map((l) => l.key));
        } });
      return el('li', {}, el('label', { for: `layer-${layer.key}` }, input, layer.swatch?.() ?? null, ' ', layer.label()));
    });
    replace(panel,
      el('div', { class: 'pm-panel-head' }, el('h2', {}, t('legend')),
        el('button', { type: 'button', class: 'pm-close', 'aria-label': t('close'), onclick: () => toggle(false) }, '×')),
      el('ul', { class: 'pm-layer-list' }, items));
  };
  const toggle = (open = panel.hidden) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => toggle());
  onLanguageChange(render);
  render();
  return { render };
}

/** The little coloured glyph of a kind, as in the legend and on the map. */
export function kindSwatch(kind) {
  return el('span', { class: `pm-swatch pm-station pm-kind-${kind}`, 'aria-hidden': 'true' }, el('span', {}, GLYPHS[kind]));
}

export function swatch(className) {
  return el('span', { class: `pm-swatch ${className}`, 'aria-hidden': 'true' });
}

export { KINDS };
