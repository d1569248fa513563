// The part of a small-area layer inside a study boundary: areas whose point inside lies within it.
import type { Boundary } from '../model';
import { buildSmallAreaMesh } from '../geometry/small-area-mesh';
import { representativePoint } from '../geometry/representative-point';
import { boundaryContains } from '../io/practices-outside-boundary';
import type { SmallAreaLayer } from './parse-small-area-layer';

/** Example: `layerWithin(lsoas, trafford).codes` are the LSOAs whose representative point is in Trafford. */
export function layerWithin(layer: SmallAreaLayer, boundary: Boundary): SmallAreaLayer {
  const mesh = buildSmallAreaMesh(layer.polygons);
  const contains = boundaryContains(boundary);
  const keep = layer.codes.map((_, a) => {
    const p = representativePoint(mesh, a);
    if (!p) return false;
    const [lon, lat] = mesh.projection.inverse(p[0], p[1]);
    return contains(lon, lat);
  });
  return { ...layer, codes: layer.codes.filter((_, a) => keep[a]), polygons: layer.polygons.filter((_, a) => keep[a]) };
}
