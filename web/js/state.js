// Every state of the page has a URL, so that a printed card's QR code or a chat message opens
// exactly what its sender saw:
//   lon, lat   the place whose card is open (tapped, searched or located)
//   z          zoom level;  c = lon,lat  the map's centre when it is not the place
//   grid       a selected grid (a card per grid);  station  a selected post
//   route      the post whose walking route is drawn
//   kind, service   the filters of the nearest posts;  hide  the layers switched off;  lang=en

const NUMBER = /^-?\d+(\.\d+)?$/;

function number(params, key, min, max) {
  const raw = params.get(key);
  if (raw === null || !NUMBER.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

function id(params, key) {
  const raw = params.get(key);
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}

function list(params, key) {
  const raw = params.get(key);
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** The state the current URL describes; values that do not parse are left out. */
export function readState(search = window.location.search) {
  const p = new URLSearchParams(search);
  const centre = (p.get('c') || '').split(',');
  const c = centre.length === 2 && centre.every((v) => NUMBER.test(v)) ? centre.map(Number) : undefined;
  const lon = number(p, 'lon', -180, 180);
  const lat = number(p, 'lat', -90, 90);
  return {
    place: lon !== undefined && lat !== undefined ? [lon, lat] : undefined,
    z: number(p, 'z', 0, 20),
    c,
    grid: id(p, 'grid'),
    station: id(p, 'station'),
    route: id(p, 'route'),
    kinds: list(p, 'kind'),
    service: p.get('service') || undefined,
    hide: list(p, 'hide'),
    lang: p.get('lang') === 'en' ? 'en' : undefined,
  };
}

let current = readState();

function round(v, digits) {
  return Number(v.toFixed(digits)).toString();
}

/** Merges `changes` into the state and writes it to the URL (no new history entry). */
export function writeState(changes) {
  current = { ...current, ...changes };
  const p = new URLSearchParams();
  if (current.place) {
    p.set('lon', round(current.place[0], 6));
    p.set('lat', round(current.place[1], 6));
  }
  if (current.z !== undefined) p.set('z', String(current.z));
  if (current.c) p.set('c', `${round(current.c[0], 5)},${round(current.c[1], 5)}`);
  for (const key of ['grid', 'station', 'route', 'service']) {
    if (current[key] !== undefined && current[key] !== null) p.set(key, String(current[key]));
  }
  if (current.kinds?.length) p.set('kind', current.kinds.join(','));
  if (current.hide?.length) p.set('hide', current.hide.join(','));
  if (current.lang) p.set('lang', current.lang);
  const query = p.toString().replaceAll('%2C', ',');
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  return current;
}

export function state() {
  return current;
}
