// The residents page's locating map: a worker opens it for one resident of the review queue, taps
// where that person lives (tapping again moves the point) and confirms; the point is sent with
// PUT /api/residents/{id}/location, which assigns the grid. The map draws partymap's own basemap
// (or the configured tiles), the worker's grids as outlines and the geocoder's guess when there
// is one, and starts on that guess, else on the worker's grids, else on the district.
//
// The map's element carries its view (data-centre "lng,lat" in the map's own coordinates,
// data-zoom), so that a test can tap a known place.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { ApiError, getJson, put } from './api.js';
import { Basemap } from './basemap.js';
import { fromLatLng, geometryLatLngs, toLatLng, useGcj02 } from './coords.js';
import { replace, say } from './dom.js';
import { createMap, fitBox } from './mapview.js';

const OPTIONS = { guessZoom: 17, maxZoom: 18, decimals: 6 };

/** What a refusal means, in the worker's words; the problem's own detail follows. */
const REFUSALS = {
  'out-of-scope': '该位置不在您负责的网格内',
  'outside-district': '该位置在本辖区以外',
  'no-grid': '该位置不在任何网格内',
  'resident-not-found': '该居民已不在您的待核实名单中',
};

const $ = (id) => document.getElementById(id);

/** The geocoder's guess as text: address, level and score. */
export function guessText(guess) {
  if (!guess) return '无';
  return `${guess.address || '（无地址）'}（${guess.level}${guess.score == null ? '' : '，' + guess.score.toFixed(2)}）`;
}

/**
 * The panel in #locate. `grids`: the ids of the worker's grids, drawn as outlines; `onPinned(resident,
 * pinned)` hears a point that was set (the API's answer: grid, address, …).
 */
export function createLocatePanel(grids, onPinned) {
  const panel = $('locate');
  const confirm = $('locate-confirm');
  const problem = $('locate-problem');
  const outlines = new Map();
  let view = null;
  let current = null;

  async function mapView() {
    if (view) return view;
    const config = await getJson('/api/config');
    useGcj02(config.tiles?.crs === 'gcj02');
    const { map, tileLayer } = createMap($('locate-map'), config.tiles);
    fitBox(map, config.extent, toLatLng);
    if (tileLayer) tileLayer.addTo(map);
    else new Basemap(map, config.basemap_version).addTo(map);
    const container = map.getContainer();
    const showView = () => {
      const c = map.getCenter();
      container.dataset.centre = `${c.lng},${c.lat}`;
      container.dataset.zoom = String(map.getZoom());
    };
    map.on('moveend zoomend', showView);
    showView();
    map.on('click', (e) => place(fromLatLng(e.latlng)));
    view = { map, config, outlines: L.featureGroup().addTo(map), marks: L.layerGroup().addTo(map), pin: null };
    return view;
  }

  async function outline(id) {
    if (!outlines.has(id)) outlines.set(id, getJson(`/api/grids/${id}`).catch(() => null));
    return outlines.get(id);
  }

  /** Draws the grids to choose from and answers their bounds (null when there are none). */
  async function drawGrids(resident) {
    const ids = [...new Set([...grids, ...(resident.grid ? [resident.grid.id] : [])])];
    const features = (await Promise.all(ids.map(outline))).filter(Boolean);
    view.outlines.clearLayers();
    for (const f of features) {
      L.polygon(geometryLatLngs(f.geometry), { pane: 'pm-grids', interactive: false, className: 'rv-grid',
        color: '#c8161d', weight: 2, dashArray: '6 4', fillColor: '#c8161d', fillOpacity: 0.06 }).addTo(view.outlines);
    }
    return features.length ? view.outlines.getBounds() : null;
  }

  function place(lonLat) {
    if (!current) return;
    current.point = lonLat.map((v) => Number(v.toFixed(OPTIONS.decimals)));
    const latLng = toLatLng(current.point);
    if (view.pin) view.pin.setLatLng(latLng);
    else view.pin = L.circleMarker(latLng, { className: 'rv-pin', radius: 9, color: '#fff', weight: 3, fillColor: '#c8161d', fillOpacity: 1 }).addTo(view.map);
    $('locate-point').textContent = `已选位置：${current.point[0]}, ${current.point[1]}（可再次点击地图移动）`;
    problem.textContent = '';
    confirm.disabled = false;
  }

  async function open(resident) {
    current = { resident, point: null };
    $('locate-name').textContent = resident.name;
    $('locate-address').textContent = resident.address;
    $('locate-guess').textContent = guessText(resident.guess) + (resident.guess ? '，地图上的虚线圆圈' : '');
    $('locate-point').textContent = '请在地图上点击该居民的住处。';
    replace(problem);
    confirm.disabled = true;
    panel.hidden = false;
    const { map, config } = await mapView();
    map.invalidateSize();
    view.pin?.remove();
    view.pin = null;
    view.marks.clearLayers();
    const bounds = await drawGrids(resident);
    if (current?.resident !== resident) return;
    if (resident.guess) {
      const at = toLatLng([resident.guess.lon, resident.guess.lat]);
      L.circleMarker(at, { className: 'rv-guess', radius: 7, color: '#555', weight: 2, dashArray: '3 3', fill: false, interactive: false })
        .addTo(view.marks);
      map.setView(at, OPTIONS.guessZoom, { animate: false });
    } else if (bounds) {
      map.fitBounds(bounds, { padding: [16, 16], maxZoom: OPTIONS.maxZoom, animate: false });
    } else {
      fitBox(map, config.extent, toLatLng);
    }
  }

  function close() {
    panel.hidden = true;
    current = null;
  }

  confirm.addEventListener('click', async () => {
    if (!current?.point) return;
    const { resident, point } = current;
    confirm.disabled = true;
    try {
      const pinned = await put(`/api/residents/${resident.id}/location`, { lon: point[0], lat: point[1] });
      close();
      onPinned(resident, pinned);
    } catch (e) {
      const meaning = e instanceof ApiError ? REFUSALS[e.slug] ?? '无法设置位置' : '无法设置位置';
      say(problem, `${meaning}：${e.message}`, 'error');
      confirm.disabled = false;
    }
  });
  $('locate-cancel').addEventListener('click', close);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) close();
  });

  return { open, close };
}
