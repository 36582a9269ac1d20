// The resident map (web/index.html): wires the map, its layers, the card and the three ways in
// (tap, address, my location) together, and keeps the URL in step with what is on screen.

import { ApiError, getJson } from './api.js';
import { Basemap } from './basemap.js';
import { Card } from './card.js';
import { fromLatLng, toLatLng, useGcj02 } from './coords.js';
import { myPosition } from './geolocate.js';
import { GridLayer } from './grids.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { createLayerPanel, kindSwatch, swatch } from './layers.js';
import { createMap, fitBox } from './mapview.js';
import { RouteLayer } from './route.js';
import { createSearch } from './search.js';
import { readState, state, writeState } from './state.js';
import { KINDS, StationLayer } from './stations.js';

const OPTIONS = { nearestLimit: 5, placeZoom: 17, phoneWidth: 768 };
const $ = (id) => document.getElementById(id);

async function start() {
  const initial = readState();
  setLanguage(initial.lang ?? 'zh');
  const config = await getJson('/api/config');
  useGcj02(config.tiles?.crs === 'gcj02');
  const { map, tileLayer } = createMap($('map'), config.tiles);
  const basemap = new Basemap(map, config.basemap_version);
  const grids = new GridLayer(map);
  const route = new RouteLayer(map);
  const services = config.services ?? [];
  let current = null;
  let lookup = 0;

  const filters = () => ({
    kinds: state().kinds.filter((k) => KINDS.includes(k)),
    service: services.includes(state().service) ? state().service : undefined,
  });

  const render = () => current && card.show(current.place, current.located, current.nearest, filters(), state().route);

  const nearest = (place, include) => getJson('/api/nearest', {
    lon: place[0], lat: place[1], limit: OPTIONS.nearestLimit, kind: filters().kinds, service: filters().service, include,
  }).catch((e) => e);

  const centreOn = (place, zoom) => {
    map.setView(toLatLng(place), Math.max(map.getZoom(), zoom), { animate: false });
    if (window.innerWidth < OPTIONS.phoneWidth) map.panBy([0, map.getSize().y / 4], { animate: false });
  };

  /** Opens the card for a place: its grid first, then the posts around it. */
  const openPlace = async (place, label, { centre = false, located, keepRoute = false } = {}) => {
    const mine = ++lookup;
    writeState({ place, station: undefined, grid: located ? state().grid : undefined, route: keepRoute ? state().route : undefined });
    route.mark(place);
    route.show(null);
    if (centre) centreOn(place, OPTIONS.placeZoom);
    card.loading(label());
    let grid = located;
    if (!grid) {
      try {
        grid = await getJson('/api/locate', { lon: place[0], lat: place[1] });
      } catch (e) {
        if (!(e instanceof ApiError && e.slug === 'outside-grids')) {
          card.failed(e.message);
          return;
        }
        grid = null;
      }
    }
    if (mine !== lookup) return;
    grids.select(grid?.grid.id ?? null);
    current = { place: { label }, located: grid, nearest: null, at: place };
    render();
    current.nearest = await nearest(place, grid?.station?.id);
    if (mine !== lookup) return;
    render();
    const routed = state().route && current.nearest.stations?.concat(current.nearest.included ?? []).find((s) => s.id === state().route);
    if (routed?.walk) route.show(routed.walk.route);
  };

  /** A grid's own card (a printed card's QR code links here): the grid, its post and the posts near its centre. */
  const openGrid = async (id) => {
    try {
      const detail = await getJson(`/api/grids/${id}`);
      const p = detail.properties;
      writeState({ grid: id });
      const bounds = grids.bounds(id);
      if (bounds) map.fitBounds(bounds, { padding: [16, 16] });
      const located = {
        grid: p, community: { name: p.community }, subdistrict: { name: p.subdistrict },
        station: p.station ? { ...p.station } : null,
      };
      await openPlace(p.label, () => `${t('gridCentre')} · ${p.name}`, { located, keepRoute: true });
      writeState({ grid: id, place: undefined });
    } catch (e) {
      card.failed(e.message);
    }
  };

  const openStation = (id) => {
    const feature = stations.get(id);
    if (!feature) return;
    const walked = current?.nearest?.stations?.concat(current.nearest.included ?? []).find((s) => s.id === id);
    writeState({ station: id });
    card.station(feature, walked);
    map.setView(toLatLng(feature.geometry.coordinates), Math.max(map.getZoom(), 16));
  };

  const card = new Card($('card'), services, {
    onClose: () => {
      lookup++;
      current = null;
      card.hide();
      route.show(null);
      route.mark(null);
      grids.select(null);
      writeState({ place: undefined, grid: undefined, station: undefined, route: undefined });
    },
    onRoute: (station) => {
      writeState({ route: station?.id });
      route.show(station?.walk?.route ?? null);
      render();
    },
    onFilter: async ({ kinds, service }) => {
      writeState({ kinds, service });
      if (!current) return;
      current.nearest = null;
      render();
      current.nearest = await nearest(current.at, current.located?.station?.id);
      render();
    },
    onFocusStation: (s) => openStation(s.id),
  });

  const stations = new StationLayer(map, { onSelect: openStation });

  // where to look first: the link's view, else its place, else the whole district
  if (initial.c && initial.z !== undefined) map.setView(toLatLng(initial.c), initial.z);
  else if (initial.place) map.setView(toLatLng(initial.place), initial.z ?? OPTIONS.placeZoom);
  else fitBox(map, config.extent, toLatLng);

  const hidden = new Set(initial.hide.length ? initial.hide : config.tiles ? ['basemap'] : []);
  await grids.load();
  if (!hidden.has('grids')) grids.addTo(map);
  if (tileLayer && !hidden.has('tiles')) tileLayer.addTo(map);
  if (!hidden.has('basemap')) basemap.addTo(map);
  map.attributionControl.addAttribution(t('basemapAttribution'));
  await stations.load();
  KINDS.filter((k) => hidden.has(k)).forEach((k) => stations.setKindVisible(k, false));
  stations.addTo(map);

  const layers = [
    tileLayer && { key: 'tiles', label: () => t('layerTiles'), swatch: () => swatch('pm-swatch-tiles'),
      visible: () => map.hasLayer(tileLayer), set: (on) => (on ? tileLayer.addTo(map) : tileLayer.remove()) },
    { key: 'basemap', label: () => t('layerBasemap'), swatch: () => swatch('pm-swatch-basemap'),
      visible: () => basemap.visible(), set: (on) => (on ? basemap.addTo(map) : basemap.remove()) },
    { key: 'grids', label: () => t('layerGrids'), swatch: () => swatch('pm-swatch-grids'),
      visible: () => grids.visible(), set: (on) => (on ? grids.addTo(map) : grids.remove()) },
    ...KINDS.map((kind) => ({ key: kind, label: () => t(`kind_${kind}`), swatch: () => kindSwatch(kind),
      visible: () => stations.kindVisible(kind), set: (on) => stations.setKindVisible(kind, on) })),
  ].filter(Boolean);
  createLayerPanel($('layers-panel'), $('layers-button'), layers, (hide) => writeState({ hide }));

  const search = createSearch({ form: $('search'), input: $('search-input'), list: $('search-results'), note: $('search-note') },
    ({ lon, lat, label }) => openPlace([lon, lat], () => label, { centre: true }));
  $('locate-me').addEventListener('click', async () => {
    card.loading(t('locating'));
    try {
      const place = await myPosition();
      await openPlace(place, () => t('myPlace'), { centre: true });
    } catch (e) {
      card.failed(e.message);
    }
  });
  $('lang-switch').addEventListener('click', () => {
    const lang = currentLanguage() === 'zh' ? 'en' : 'zh';
    setLanguage(lang);
    writeState({ lang: lang === 'en' ? 'en' : undefined });
  });
  map.on('click', (e) => {
    const place = fromLatLng(e.latlng);
    openPlace(place, () => `${t('myPlace')} ${place[1].toFixed(5)}, ${place[0].toFixed(5)}`);
  });
  map.on('moveend', () => {
    const [lon, lat] = fromLatLng(map.getCenter());
    writeState({ z: map.getZoom(), c: [lon, lat] });
  });

  if (initial.station) openStation(initial.station);
  else if (initial.place) {
    await openPlace(initial.place, () => `${t('myPlace')} ${initial.place[1].toFixed(5)}, ${initial.place[0].toFixed(5)}`, { keepRoute: true });
  }
  else if (initial.grid) await openGrid(initial.grid);
  document.body.dataset.ready = 'true';
  search.probe();
}

start().catch((e) => {
  document.body.dataset.ready = 'failed';
  const card = $('card');
  card.hidden = false;
  card.textContent = `${t('failed', e.message)}`;
});
