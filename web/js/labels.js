// Street names along their streets: for each named line on screen, one label per stretch long
// enough to hold it, at the middle of the stretch, turned to run along it (or written top to
// bottom on streets that run north–south, as Chinese maps do), and none over another.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { el } from './dom.js';

const OPTIONS = { charWidth: 13, spacing: 300, padding: 6 };

function overlaps(a, b) {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function lengthOf(points) {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += points[i - 1].distanceTo(points[i]);
  return total;
}

/** The point `distance` pixels along a pixel polyline, with the direction of the line there. */
function pointAt(points, distance) {
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    const len = a.distanceTo(b);
    if (len > 0 && distance <= walked + len) {
      const f = (distance - walked) / len;
      return { x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y), angle: Math.atan2(b.y - a.y, b.x - a.x) };
    }
    walked += len;
  }
  return null;
}

/** The runs of a pixel polyline that lie inside the screen box, each as its own polyline. */
function visibleRuns(points, box) {
  const runs = [];
  let run = [];
  for (let i = 1; i < points.length; i++) {
    const clipped = L.LineUtil.clipSegment(points[i - 1], points[i], box, false, true);
    if (!clipped) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    if (run.length === 0) run.push(clipped[0]);
    run.push(clipped[1]);
    if (!clipped[1].equals(points[i])) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * Labels for `lines` ([{name, latlngs: [[lat, lng], …] or nested}]) on `map`, as markers added
 * to `group`; lines earlier in the list win a place first.
 */
export function placeStreetLabels(map, group, lines) {
  group.clearLayers();
  const size = map.getSize();
  const screen = L.bounds([0, 0], [size.x, size.y]);
  const placed = [];
  for (const line of lines) {
    const parts = Array.isArray(line.latlngs[0][0]) ? line.latlngs : [line.latlngs];
    const textLength = line.name.length * OPTIONS.charWidth + OPTIONS.padding;
    const runs = parts.flatMap((part) => visibleRuns(part.map((ll) => map.latLngToContainerPoint(ll)), screen));
    for (const points of runs) {
      const total = lengthOf(points);
      if (total < textLength * 1.3) continue;
      const count = Math.max(1, Math.round(total / Math.max(OPTIONS.spacing, textLength * 3)));
      for (let k = 0; k < count; k++) {
        // the middle of each stretch, or a little to either side when another label is there
        for (const shift of [0, 0.8, -0.8, 1.6, -1.6]) {
          const along = (total * (k + 0.5)) / count + shift * textLength;
          if (along < textLength / 2 || along > total - textLength / 2) continue;
          const s = pointAt(points, along);
          if (s && place(map, group, placed, line, s, textLength)) break;
        }
      }
    }
  }
}

/** Places one label at s unless it would cover another; says whether it did. */
function place(map, group, placed, line, s, textLength) {
  let degrees = (s.angle * 180) / Math.PI;
  if (degrees > 90) degrees -= 180;
  if (degrees <= -90) degrees += 180;
  const vertical = Math.abs(degrees) > 60;
  const half = textLength / 2;
  const box = vertical ? { x1: s.x - 9, x2: s.x + 9, y1: s.y - half, y2: s.y + half }
    : { x1: s.x - half, x2: s.x + half, y1: s.y - 9, y2: s.y + 9 };
  if (placed.some((b) => overlaps(b, box))) return false;
  placed.push(box);
  const text = el('span', { class: vertical ? 'pm-street-label-text pm-vertical' : 'pm-street-label-text' }, line.name);
  if (!vertical) text.style.transform = `translate(-50%, -50%) rotate(${degrees.toFixed(1)}deg)`;
  group.addLayer(L.marker(map.containerPointToLatLng([s.x, s.y]), {
    pane: 'pm-labels', interactive: false, keyboard: false,
    icon: L.divIcon({ className: `pm-street-label pm-street-label-${line.cls}`, html: text, iconSize: null }),
  }));
  return true;
}
