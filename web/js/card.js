// The card that every way in opens (a tap, an address, my location, a link): my grid with its
// code, party branch and grid leader (tap to call), the post that serves my grid, and the
// nearest posts and activity rooms with straight-line and walking distance, walking time,
// hours, services, phone and a route button; filters by kind and by service.

import { upcomingActivity } from './card-activities.js';
import { communityNotices } from './card-notices.js';
import { el, replace } from './dom.js';
import { distance, onLanguageChange, t } from './i18n.js';
import { GLYPHS, KINDS } from './stations.js';

function telHref(phone) {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

function callLink(phone, className) {
  return phone ? el('a', { class: className, href: telHref(phone) }, `${t('call')} ${phone}`) : null;
}

/** 社区通: the grid's question form, with the card's point so the question is routed by place. */
function askHref(gridId, located) {
  const query = new URLSearchParams({ grid: gridId });
  if (Number.isFinite(located.lon) && Number.isFinite(located.lat)) {
    query.set('lon', located.lon.toFixed(6));
    query.set('lat', located.lat.toFixed(6));
  }
  return `/ask.html?${query}`;
}

function kindBadge(kind) {
  return el('span', { class: `pm-station pm-kind-${kind} pm-mini`, 'aria-hidden': 'true' }, el('span', {}, GLYPHS[kind] ?? '站'));
}

export class Card {
  /**
   * handlers: onClose(), onRoute(station) (null hides the route), onFilter({kinds, service}),
   * onFocusStation(station)
   */
  constructor(root, services, handlers) {
    this.root = root;
    this.services = services;
    this.handlers = handlers;
    this.last = null;
    this.routed = null;
    onLanguageChange(() => this.last && this[this.last.method](...this.last.args));
  }

  hide() {
    this.root.hidden = true;
    this.root.dataset.state = 'closed';
    this.last = null;
  }

  head(title) {
    return el('div', { class: 'pm-card-head' }, el('h2', { class: 'pm-card-title' }, title),
      el('button', { type: 'button', class: 'pm-close', 'aria-label': t('close'), onclick: () => this.handlers.onClose() }, '×'));
  }

  open(state, ...children) {
    replace(this.root, ...children);
    this.root.hidden = false;
    this.root.dataset.state = state;
    this.root.scrollTop = 0;
  }

  loading(placeLabel) {
    this.last = { method: 'loading', args: [placeLabel] };
    this.open('loading', this.head(t('myGrid')), el('p', { class: 'pm-place' }, placeLabel), el('p', { class: 'pm-loading' }, t('loading')));
  }

  failed(message) {
    this.last = { method: 'failed', args: [message] };
    this.open('failed', this.head(t('myGrid')), el('p', { class: 'pm-error' }, t('failed', message)));
  }

  /**
   * place: {label}; located: /api/locate's answer or null (outside every grid);
   * nearest: /api/nearest's answer or an Error; filters: {kinds, service}; routed: station id
   */
  show(place, located, nearest, filters, routed) {
    this.last = { method: 'show', args: [place, located, nearest, filters, routed] };
    this.routed = routed ?? null;
    const assigned = located?.station
      ? (nearest instanceof Error ? null : nearest?.included?.find((s) => s.id === located.station.id)) ?? located.station
      : null;
    this.open('ready',
      this.head(located ? t('myGrid') : t('outsideGrids')),
      el('p', { class: 'pm-place' }, typeof place.label === 'function' ? place.label() : place.label),
      located ? this.gridSection(located) : null,
      located ? el('section', { class: 'pm-assigned' }, el('h3', {}, t('assignedPost')),
        assigned ? el('ul', { class: 'pm-station-list' }, this.stationItem(assigned)) : el('p', { class: 'pm-muted' }, t('noAssignedPost'))) : null,
      this.nearestSection(nearest, filters));
  }

  gridSection(located) {
    const g = located.grid;
    const contacts = (g.contacts ?? []).filter((c) => c.name || c.phone);
    return el('section', { class: 'pm-grid-info', dataset: { gridId: g.id } },
      el('h3', { class: 'pm-grid-name' }, g.name),
      el('p', { class: 'pm-area' }, [located.community?.name, located.subdistrict?.name].filter(Boolean).join(' · ')),
      el('dl', { class: 'pm-facts' },
        el('dt', {}, t('gridCode')), el('dd', { class: 'pm-grid-code' }, g.code),
        el('dt', {}, t('branch')), el('dd', { class: 'pm-branch' }, g.branch_name),
        el('dt', {}, t('leader')), el('dd', { class: 'pm-leader' }, el('span', { class: 'pm-leader-name' }, g.leader_name ?? '—'),
          ' ', callLink(g.leader_phone, 'pm-call pm-leader-phone')),
        contacts.length ? [el('dt', {}, t('contacts')), el('dd', { class: 'pm-contacts' },
          el('ul', {}, contacts.map((c) => el('li', {}, `${c.role ?? ''} ${c.name ?? ''} `, callLink(c.phone, 'pm-call')))))] : null),
      el('p', { class: 'pm-ask' }, el('a', { class: 'pm-ask-link', href: askHref(g.id, located), title: t('askGridHint') }, t('askGrid'))),
      el('p', { class: 'pm-card-link' }, el('a', { class: 'pm-card-page', href: `/card.html?grid=${encodeURIComponent(g.id)}` }, '便民卡')),
      communityNotices(located.community));
  }

  nearestSection(nearest, filters) {
    const kindChips = KINDS.map((kind) => el('label', { class: 'pm-chip' },
      el('input', { type: 'checkbox', name: 'kind', value: kind, checked: filters.kinds.includes(kind),
        onchange: () => this.changeFilters() }), kindBadge(kind), ' ', t(`kind_${kind}`)));
    const serviceSelect = el('select', { name: 'service', class: 'pm-service-filter', 'aria-label': t('filterService'),
      onchange: () => this.changeFilters() },
      el('option', { value: '' }, t('anyService')),
      this.services.map((s) => el('option', { value: s, selected: s === filters.service }, s)));
    let body;
    if (nearest instanceof Error) {
      body = el('p', { class: 'pm-error' }, t('failed', nearest.message));
    } else if (!nearest) {
      body = el('p', { class: 'pm-loading' }, t('loading'));
    } else if (nearest.stations.length === 0) {
      body = el('p', { class: 'pm-muted' }, t('noStations'));
    } else {
      body = [
        nearest.routing && !nearest.routing.available ? el('p', { class: 'pm-notice pm-no-routing' }, t('routingUnavailable')) : null,
        el('ol', { class: 'pm-station-list pm-nearest-list' }, nearest.stations.map((s) => this.stationItem(s))),
      ];
    }
    return el('section', { class: 'pm-nearest' }, el('h3', {}, t('nearestPosts')),
      el('form', { class: 'pm-filters', onsubmit: (e) => e.preventDefault() },
        el('fieldset', {}, el('legend', {}, t('filterKind')), kindChips),
        el('label', { class: 'pm-service-label' }, t('filterService'), ' ', serviceSelect)),
      body);
  }

  changeFilters() {
    const form = this.root.querySelector('.pm-filters');
    const kinds = [...form.querySelectorAll('input[name=kind]:checked')].map((i) => i.value);
    const service = form.querySelector('select[name=service]').value || undefined;
    this.handlers.onFilter({ kinds, service });
  }

  stationItem(s) {
    const routed = this.routed === s.id;
    const walk = s.walk
      ? el('span', { class: 'pm-walk' }, t('walk', distance(s.walk.distance_m), s.walk.minutes))
      : s.no_route ? el('span', { class: 'pm-walk pm-no-route' }, t('noRoute', t(`noRouteReason_${s.no_route}`))) : null;
    return el('li', { class: 'pm-station-item', dataset: { stationId: s.id } },
      el('div', { class: 'pm-station-title' }, kindBadge(s.kind),
        el('button', { type: 'button', class: 'pm-station-name', onclick: () => this.handlers.onFocusStation(s) }, s.name),
        el('span', { class: 'pm-kind-name' }, t(`kind_${s.kind}`))),
      el('p', { class: 'pm-distances' }, walk, s.distance_m !== undefined ? el('span', { class: 'pm-straight' }, t('straight', distance(s.distance_m))) : null),
      s.walk?.via?.length ? el('p', { class: 'pm-via' }, t('via', s.walk.via.join('、'))) : null,
      el('dl', { class: 'pm-facts' },
        s.hours ? [el('dt', {}, t('hours')), el('dd', { class: 'pm-hours' }, s.hours)] : null,
        s.services?.length ? [el('dt', {}, t('services')), el('dd', { class: 'pm-services' },
          s.services.map((x) => el('span', { class: 'pm-service' }, x)))] : null,
        s.address ? [el('dt', {}, t('address')), el('dd', {}, s.address)] : null),
      upcomingActivity(s.id),
      el('div', { class: 'pm-actions' }, callLink(s.phone, 'pm-call pm-station-phone'),
        s.walk ? el('button', { type: 'button', class: routed ? 'pm-route-button pm-active' : 'pm-route-button',
          'aria-pressed': String(routed), onclick: () => this.handlers.onRoute(routed ? null : s) },
        routed ? t('hideRoute') : t('route')) : null,
        // 预约办事: the posts that take bookings
        ['service_centre', 'grid_station'].includes(s.kind)
          ? el('a', { class: 'pm-book', href: `/booking.html?station=${encodeURIComponent(s.id)}` }, t('book')) : null));
  }

  /** A post on its own (a link with station=…), with its walk when a place's answer has one. */
  station(feature, walked) {
    this.last = { method: 'station', args: [feature, walked] };
    const s = { ...feature.properties, ...(walked ?? {}) };
    this.open('station', this.head(t(`kind_${s.kind}`)), el('ul', { class: 'pm-station-list' }, this.stationItem(s)));
  }
}
