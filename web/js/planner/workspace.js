// The community being planned, as the server last gave it: its outline, its grids with their
// counts, workload and entity tags, and the target households per grid. Every edit is based on
// the grid versions held here (If-Match), and everything else on the page listens for reloads.

import { getJson } from '../api.js';

export class Workspace {
  constructor() {
    this.communities = [];
    this.community = null;
    this.grids = [];
    this.target = { min: 300, max: 500 };
    this.selected = null;
    this.listeners = { load: [], select: [] };
  }

  on(event, fn) {
    this.listeners[event].push(fn);
  }

  emit(event, ...args) {
    for (const fn of this.listeners[event]) fn(...args);
  }

  async loadCommunities() {
    const data = await getJson('/api/planner/communities');
    this.communities = data.communities;
    return this.communities;
  }

  /** Loads a community's grids afresh (after a save, a conflict or a new target). */
  async load(id = this.community?.id) {
    const data = await getJson(`/api/planner/communities/${id}`, this.target);
    this.community = { ...data.community.properties, geometry: data.community.geometry };
    this.target = data.target;
    this.grids = data.grids.features;
    if (this.selected && !this.grid(this.selected)) this.selected = null;
    this.emit('load', this);
    this.emit('select', this.selected);
    return this;
  }

  grid(id) {
    return this.grids.find((g) => g.id === id) ?? null;
  }

  name(id) {
    return this.grid(id)?.properties.name ?? `网格 ${id}`;
  }

  select(id) {
    this.selected = id ?? null;
    this.emit('select', this.selected);
  }

  /** The entity tags of every grid as loaded, for If-Match: the versions an edit was based on. */
  ifMatch(extra = []) {
    return [...this.grids.map((g) => g.properties.etag), ...extra].join(', ');
  }

  /** [minLon, minLat, maxLon, maxLat] of the community. */
  bbox() {
    return this.communities.find((c) => c.id === this.community?.id)?.bbox ?? null;
  }
}
