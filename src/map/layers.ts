// The planner's sources and layers, added on top of whichever basemap style is loaded.
// Band status is carried by outline style (dashed below, heavy double above, solid within) and by
// label text, never by colour alone.
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
export const SOURCES = {
  area: 'pcn-area',
  cells: 'pcn-cells',
  footprints: 'pcn-footprints',
  practices: 'pcn-practices',
} as const;

const ASSIGNED = [
  'to-boolean',
  ['coalesce', ['feature-state', 'assigned'], ['get', 'assigned']],
] as ExpressionSpecification;

export function addPlannerLayers(map: MapLibreMap, land: boolean) {
  for (const id of Object.values(SOURCES)) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
  }
  if (land)
    map.addLayer({ id: 'pcn-area-fill', type: 'fill', source: SOURCES.area, paint: { 'fill-color': '#f7f5ef' } });
  map.addLayer({
    id: 'pcn-footprints-fill',
    type: 'fill',
    source: SOURCES.footprints,
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.28 },
  });
  map.addLayer({
    id: 'pcn-cells-fill',
    type: 'fill',
    source: SOURCES.cells,
    paint: { 'fill-color': '#000000', 'fill-opacity': 0 },
  });
  // Cell outlines only from zoom 8 (a county on screen): nationally they are a grey haze that
  // costs a software renderer a quarter of every frame.
  map.addLayer({
    id: 'pcn-cells-line',
    type: 'line',
    source: SOURCES.cells,
    minzoom: 8,
    paint: { 'line-color': '#5b6770', 'line-opacity': 0.25, 'line-width': 0.6 },
  });
  map.addLayer({
    id: 'pcn-area-line',
    type: 'line',
    source: SOURCES.area,
    paint: { 'line-color': '#3b4a55', 'line-width': 1.5 },
  });
  map.addLayer({
    id: 'pcn-footprints-within',
    type: 'line',
    source: SOURCES.footprints,
    filter: ['==', ['get', 'band'], 'within'],
    paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5 },
  });
  map.addLayer({
    id: 'pcn-footprints-below',
    type: 'line',
    source: SOURCES.footprints,
    filter: ['==', ['get', 'band'], 'below'],
    paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: 'pcn-footprints-above-outer',
    type: 'line',
    source: SOURCES.footprints,
    filter: ['==', ['get', 'band'], 'above'],
    paint: { 'line-color': '#1d2a33', 'line-width': 5 },
  });
  map.addLayer({
    id: 'pcn-footprints-above',
    type: 'line',
    source: SOURCES.footprints,
    filter: ['==', ['get', 'band'], 'above'],
    paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5 },
  });
  map.addLayer({
    id: 'pcn-practices',
    type: 'circle',
    source: SOURCES.practices,
    paint: {
      // feature-state holds the colour after an edit (src/map/index.ts), the property before one.
      'circle-color': ['coalesce', ['feature-state', 'colour'], ['get', 'colour']],
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'listSize']], 0, 3, 100, 6, 200, 10, 330, 15],
      'circle-stroke-color': ['case', ASSIGNED, '#1d2a33', '#000000'],
      'circle-stroke-width': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        4,
        ['boolean', ['feature-state', 'hover'], false],
        3,
        ASSIGNED,
        1,
        2.5,
      ],
    },
  });
}

export const PRACTICE_LAYER = 'pcn-practices';
export const CELL_LAYER = 'pcn-cells-fill';
