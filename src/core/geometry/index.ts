export { createProjection, type Projection } from './projection';
export { buildTessellation, type Tessellation, type Site } from './tessellation';
export { dissolveSites } from './dissolve-sites';
export { cellGeometry } from './cell-geometry';
export { farPoints } from './far-points';
export { packTessellation, unpackTessellation, type PackedTessellation } from './packed-tessellation';
export { packPolygons, unpackPolygon, type PackedPolygons } from './packed-polygons';
export { siteAt } from './site-at';
