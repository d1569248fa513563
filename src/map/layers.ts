// The planner's sources and layers, added on top of whichever basemap style is loaded.
// Band status is carried by outline style (dashed below, heavy double above, solid within) from
// the zoom where a network is large enough for the style to be read, and by label text, never by
// colour alone.
import type {
  CustomLayerInterface,
  ExpressionSpecification,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { STUDY_AREA_PROPERTY } from './features';
import { RADIUS_STOPS } from './practice-circles-data';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
export const SOURCES = {
  cells: 'pcn-cells',
  /** The networks' footprints, and the study area (features.ts, studyAreaFeature) drawn under them. */
  footprints: 'pcn-footprints',
  /** The footprints of networks edited since the big source was last updated (src/map/plan-sync.ts). */
  edits: 'pcn-footprints-edits',
  practices: 'pcn-practices',
} as const;

/**
 * Simplification tolerance of the polygon sources, in screen pixels at every zoom (MapLibre's
 * default is 0.375): a software renderer pays per vertex, and a 1-pixel simplification of
 * footprints drawn with 2.5-5 px outlines cannot be seen.
 */
const TOLERANCE = 1;
/**
 * Margin of the polygon sources' tiles beyond their edges, in pixels of a 512-px tile (MapLibre's
 * default is 128): geometry in the margin is drawn by each tile it reaches and clipped there, so a
 * wide margin multiplies what a software renderer draws. 8 px keeps every clipped edge (and the
 * widest outline, 5 px) beyond the tile's visible edge, which needs at least half the outline's
 * width. A national frame took 72.0 instead of 80.6 ms of wall (alternating, load 0.8-1.3); dashes
 * that cross a tile edge start at another phase, nothing else drawn changed.
 */
const POLYGON_BUFFER = 8;
/** The practices' hit-test layer (invisible); the practice circles are drawn by PRACTICE_CIRCLES. */
export const PRACTICE_LAYER = 'pcn-practices';
/** The practice circles' custom layer (practice-circles.ts). */
export const PRACTICE_CIRCLES = 'pcn-practice-circles';
/** The study area among the footprint source's features. */
const STUDY_AREA = ['has', STUDY_AREA_PROPERTY] as ExpressionSpecification;
/** Footprints drawn from either source are hidden by this feature-state (stale or superseded). */
const SHOWN = ['!', ['boolean', ['feature-state', 'hidden'], false]] as ExpressionSpecification;

/**
 * Below this zoom (England on one screen: a network is 10-25 px across, a 6 px dash or a 5 px
 * double outline cannot be read) footprints get one thin outline whatever their band: the fill
 * layer's own 1-pixel outline pass (drawn as plain GL lines over the fill's vertices, about a fifth
 * of a software-rendered national frame cheaper than a line layer's extruded triangles). Labels
 * still carry band status there.
 */
export const BAND_OUTLINES_FROM_ZOOM = 6.5;

/** The cells' outlines are drawn from this zoom; below it nothing draws the cells source. */
export const CELLS_FROM_ZOOM = 8;

/** How much of a footprint's colour its fill shows. */
const FILL_ALPHA = 0.28;

/** `colour` (any CSS colour) with its alpha replaced by `alpha`. */
const translucent = (colour: ExpressionSpecification, alpha: number): ExpressionSpecification => [
  'let',
  'rgba',
  ['to-rgba', ['to-color', colour]],
  ['rgba', ['at', 0, ['var', 'rgba']], ['at', 1, ['var', 'rgba']], ['at', 2, ['var', 'rgba']], alpha],
];

/** A footprint layer's id for the big source, and with `-edits` for the edits source. */
const footprintLayerId = (base: string, edits: boolean) => (edits ? `${base}-edits` : base);

/** The big footprint source's layers, bottom to top; each has an edits-source twin right above it. */
const FOOTPRINT_LAYERS = [
  'pcn-footprints-fill',
  'pcn-footprints-within',
  'pcn-footprints-below',
  'pcn-footprints-above-outer',
  'pcn-footprints-above',
];

/**
 * Moves the edits source's layers below every other layer (`parked`, for while that source's tiles
 * are empty: they draw nothing wherever they are) or back right above their big-source twins (before
 * that source is given footprints). Each time the next layer drawn reads another source MapLibre
 * draws every tile's clipping mask into the stencil buffer again, in its opaque and its translucent
 * pass, even for an empty source; the twins in place alternate the two sources layer by layer. Hiding
 * them instead would make MapLibre reload the source and build their buckets again when shown. A
 * national frame had 31 instead of 39 draw calls parked (SwiftShader CPU 96 against 101 ms), Greater
 * Manchester at zoom 9.5, with the band outlines, 72 instead of 128 (101 against 133 ms).
 */
export function parkEditLayers(map: MapLibreMap, parked: boolean): void {
  const twins = FOOTPRINT_LAYERS.filter((id) => map.getLayer(id) && map.getLayer(footprintLayerId(id, true)));
  if (parked) {
    for (const base of [...twins].reverse()) map.moveLayer(footprintLayerId(base, true), map.getLayersOrder()[0]);
    return;
  }
  for (const base of twins) {
    const order = map.getLayersOrder();
    const twin = footprintLayerId(base, true);
    const next = order[order.indexOf(base) + 1];
    if (next !== twin) map.moveLayer(twin, next);
  }
}

/** The footprint layers (fill first, then the outlines by band), for one of the two footprint sources. */
function footprintLayers(edits: boolean): { fill: LayerSpecification; lines: LayerSpecification[] } {
  const source = edits ? SOURCES.edits : SOURCES.footprints;
  const id = (base: string) => footprintLayerId(base, edits);
  const opacity = (o: number) => ['case', SHOWN, o, 0] as ExpressionSpecification;
  const band = (b: string) => ['==', ['get', 'band'], b] as ExpressionSpecification;
  return {
    // The fill's translucency is in its colour, so its 1-pixel outline pass (fill-antialias) is
    // opaque: that pass is the footprints' thin outline below the band zoom. From the band zoom
    // the outline layers below draw the edges and the pass is transparent. It is never switched
    // off, so the demo's first frame compiles its shader: compiled later, under a national plan,
    // SwiftShader took 80-230 ms of the main thread for it while the plan was being drawn.
    fill: {
      id: id('pcn-footprints-fill'),
      type: 'fill',
      source,
      filter: ['!', STUDY_AREA],
      paint: {
        'fill-color': translucent(['get', 'colour'], FILL_ALPHA),
        'fill-outline-color': ['step', ['zoom'], ['get', 'colour'], BAND_OUTLINES_FROM_ZOOM, 'rgba(0, 0, 0, 0)'],
        'fill-opacity': opacity(1),
      },
    },
    lines: [
      {
        id: id('pcn-footprints-within'),
        type: 'line',
        source,
        minzoom: BAND_OUTLINES_FROM_ZOOM,
        filter: band('within'),
        paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-opacity': opacity(1) },
      },
      {
        id: id('pcn-footprints-below'),
        type: 'line',
        source,
        minzoom: BAND_OUTLINES_FROM_ZOOM,
        filter: band('below'),
        paint: {
          'line-color': ['get', 'colour'],
          'line-width': 3,
          'line-dasharray': [2, 1.5],
          'line-opacity': opacity(1),
        },
      },
      {
        id: id('pcn-footprints-above-outer'),
        type: 'line',
        source,
        minzoom: BAND_OUTLINES_FROM_ZOOM,
        filter: band('above'),
        paint: { 'line-color': '#1d2a33', 'line-width': 5, 'line-opacity': opacity(1) },
      },
      {
        id: id('pcn-footprints-above'),
        type: 'line',
        source,
        minzoom: BAND_OUTLINES_FROM_ZOOM,
        filter: band('above'),
        paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-opacity': opacity(1) },
      },
    ],
  };
}

/** Each layer of the big footprint source followed by its twin for the edits source. */
function addFootprintLayers(map: MapLibreMap, which: 'fill' | 'lines') {
  const [base, edits] = [footprintLayers(false), footprintLayers(true)];
  const pairs: [LayerSpecification, LayerSpecification][] =
    which === 'fill' ? [[base.fill, edits.fill]] : base.lines.map((l, k) => [l, edits.lines[k]]);
  for (const [b, e] of pairs) {
    map.addLayer(b);
    map.addLayer(e);
  }
}

/** The planner's sources and layers; `circles` draws the practices (above everything else here). */
export function addPlannerLayers(map: MapLibreMap, land: boolean, circles: CustomLayerInterface) {
  for (const id of Object.values(SOURCES)) {
    if (map.getSource(id)) continue;
    const polygons = id !== SOURCES.practices;
    map.addSource(id, {
      type: 'geojson',
      data: EMPTY,
      ...(polygons ? { tolerance: TOLERANCE, buffer: POLYGON_BUFFER } : {}),
    });
  }
  // The study area comes with the footprints (one source: MapLibre draws every tile's clipping
  // mask again whenever the next layer reads another source, in each of its two passes; a national
  // frame took 2 such rounds fewer).
  if (land)
    map.addLayer({
      id: 'pcn-area-fill',
      type: 'fill',
      source: SOURCES.footprints,
      filter: STUDY_AREA,
      paint: { 'fill-color': '#f7f5ef', 'fill-antialias': false },
    });
  addFootprintLayers(map, 'fill');
  // Cell outlines only from CELLS_FROM_ZOOM (a county on screen): nationally they are a grey haze
  // that costs a software renderer a quarter of every frame. No other layer draws the cells (a
  // click off the circles finds its cell in the tessellation), so below that zoom MapLibre makes
  // no tiles of them, and plan-sync.ts gives them to the map only on the way there.
  map.addLayer({
    id: 'pcn-cells-line',
    type: 'line',
    source: SOURCES.cells,
    minzoom: CELLS_FROM_ZOOM,
    paint: { 'line-color': '#5b6770', 'line-opacity': 0.25, 'line-width': 0.6 },
  });
  map.addLayer({
    id: 'pcn-area-line',
    type: 'line',
    source: SOURCES.footprints,
    filter: STUDY_AREA,
    paint: { 'line-color': '#3b4a55', 'line-width': 1.5 },
  });
  addFootprintLayers(map, 'lines');
  // What the pointer hits: MapLibre's circles with the drawn radius and the wider ring (an assigned
  // practice's is 1 px, within the 4-px box a hit is looked for in), never drawn (opacity 0:
  // MapLibre skips the layer when it draws a frame). The circles seen are `circles`, a
  // custom layer right above it (practice-circles.ts), about a tenth of a national frame cheaper.
  map.addLayer({
    id: PRACTICE_LAYER,
    type: 'circle',
    source: SOURCES.practices,
    paint: {
      'circle-opacity': 0,
      'circle-stroke-opacity': 0,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'listSize']], ...RADIUS_STOPS.flat()],
      'circle-stroke-width': 2.5,
    },
  });
  map.addLayer(circles);
}

/**
 * Shows `layers` only while their source has features. Drawing a layer whose source differs from
 * the last layer's makes MapLibre draw every tile's clipping mask again (a quad per tile into the
 * stencil buffer, in both its opaque and translucent passes) even when that source is empty, and an
 * overlay's empty layer between the plan's layers cost a national frame 4 such rounds (about 6 ms of
 * SwiftShader's CPU): a hidden layer is skipped, and its source makes no tiles.
 */
export function showWhileAny(map: MapLibreMap, layers: readonly string[], features: number): void {
  for (const id of layers)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', features > 0 ? 'visible' : 'none');
}
/** The footprint fill layers of the big source and of the edits source. */
export const FOOTPRINT_FILLS = { base: 'pcn-footprints-fill', edits: footprintLayerId('pcn-footprints-fill', true) };
