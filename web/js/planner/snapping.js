// Snapping a dragged vertex, as the server does it (the server snaps again, whatever the page
// sent): to the nearest vertex of a street centre line or a boundary within the tolerance, else
// to the nearest point on one of their lines. The vertex being moved and the segments that end
// at it are no targets. Distances in metres on a local plane around the community.

const METRES_PER_DEGREE = 111320;

/** Lines as arrays of [lon, lat] from GeoJSON geometries (lines and polygon rings). */
export function linesOf(geometry) {
  switch (geometry?.type) {
    case 'LineString': return [geometry.coordinates];
    case 'MultiLineString':
    case 'Polygon': return geometry.coordinates;
    case 'MultiPolygon': return geometry.coordinates.flat();
    default: return [];
  }
}

export function samePosition(a, b, tolerance = 1.5e-7) {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
}

export class Snapper {
  /**
   * @param lines    arrays of [lon, lat]
   * @param metres   the tolerance (0: no snapping)
   * @param excluded the [lon, lat] of the vertex being moved
   */
  constructor(lines, metres, excluded) {
    this.metres = metres;
    this.kx = METRES_PER_DEGREE * Math.cos((excluded[1] * Math.PI) / 180);
    this.ky = METRES_PER_DEGREE;
    this.origin = excluded;
    this.vertices = [];
    this.segments = [];
    for (const line of lines) {
      for (let i = 0; i < line.length; i++) {
        const out = samePosition(line[i], excluded);
        if (!out) this.vertices.push(line[i]);
        if (i > 0 && !out && !samePosition(line[i - 1], excluded)) this.segments.push([line[i - 1], line[i]]);
      }
    }
  }

  plane([lon, lat]) {
    return [(lon - this.origin[0]) * this.kx, (lat - this.origin[1]) * this.ky];
  }

  lonLat([x, y]) {
    return [x / this.kx + this.origin[0], y / this.ky + this.origin[1]];
  }

  /** {position: [lon, lat], to: 'vertex' | 'line' | null}: where the vertex lands. */
  snap(position) {
    if (this.metres <= 0) return { position, to: null };
    const p = this.plane(position);
    let best = null;
    let bestDistance = this.metres;
    for (const v of this.vertices) {
      const d = distance(this.plane(v), p);
      if (d <= bestDistance) {
        best = v;
        bestDistance = d;
      }
    }
    if (best) return { position: [best[0], best[1]], to: 'vertex' };
    bestDistance = this.metres;
    for (const [a, b] of this.segments) {
      const q = closest(this.plane(a), this.plane(b), p);
      const d = distance(q, p);
      if (d <= bestDistance) {
        best = q;
        bestDistance = d;
      }
    }
    return best ? { position: round7(this.lonLat(best)), to: 'line' } : { position, to: null };
  }
}

function distance(a, b) {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function closest(a, b, p) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return [a[0] + t * dx, a[1] + t * dy];
}

/** Degrees to 7 decimals (about 1 cm), as the server stores them. */
export function round7([lon, lat]) {
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
