export { createProjection, projectionAt, EARTH_RADIUS_METRES, type Projection } from './projection';
export { buildTessellation, type Tessellation, type Site } from './tessellation';
export { dissolveSites, type Footprint } from './dissolve-sites';
export { cellGeometry } from './cell-geometry';
export { buildPolygons, type IdPolygon } from './build-rings';
export { normaliseCell } from './normalise-cell';
export { splitSelfTouchingRings, type SelfTouchRepair } from './split-self-touching';
export { farPoints, greatCircleMetres, type FarPoint, type FarPoints } from './far-points';
