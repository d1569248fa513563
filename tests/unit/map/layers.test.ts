// The footprint outlines by zoom (src/map/layers.ts): below BAND_OUTLINES_FROM_ZOOM one thin
// outline per footprint whatever its band (the fill's own 1-pixel outline pass, opaque in the
// footprint's colour: the national view's frames are cheaper), from there the band styles (solid
// within, dashed below, dark double above) and a transparent outline pass; the same layers for the big and
// the edits footprint source, each big-source layer followed by its edits twin.
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { STUDY_AREA_ID, STUDY_AREA_PROPERTY, studyAreaFeature } from '../../../src/map/features';
import { addPlannerLayers, BAND_OUTLINES_FROM_ZOOM, SOURCES, showWhileAny } from '../../../src/map/layers';

type Line = Extract<LayerSpecification, { type: 'line' }>;
type Fill = Extract<LayerSpecification, { type: 'fill' }>;

/** The sources' options as given to addSource, by id. */
const sourceOptions = new Map<string, Record<string, unknown>>();

function plannerLayers(): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  const map = {
    getSource: () => undefined,
    addSource: (id: string, options: Record<string, unknown>) => sourceOptions.set(id, options),
    addLayer: (l: LayerSpecification) => layers.push(l),
  };
  addPlannerLayers(map as unknown as MapLibreMap, true, { id: 'circles', type: 'custom', render: () => {} });
  return layers;
}

const sourceOf = (l: LayerSpecification) => ('source' in l ? l.source : undefined);

/** The band a layer's filter keeps (['==', ['get', 'band'], b]), or 'all' without a filter. */
const bandOf = (filter: FilterSpecification | undefined) => (filter ? String((filter as unknown[])[2]) : 'all');

/** Outline layers of `source` drawn at `zoom` for a footprint of `band`: [id, width, dashed]. */
function outlinesAt(layers: LayerSpecification[], source: string, zoom: number, band: string) {
  return layers
    .filter((l): l is Line => l.type === 'line' && l.source === source)
    .filter((l) => (l.minzoom ?? 0) <= zoom && zoom < (l.maxzoom ?? 24))
    .filter((l) => ['all', band].includes(bandOf(l.filter)))
    .map((l) => [l.id, l.paint?.['line-width'], l.paint?.['line-dasharray'] !== undefined]);
}

describe('footprint outlines by zoom', () => {
  const layers = plannerLayers();

  const fill = layers.find((l) => l.id === 'pcn-footprints-fill') as Fill;
  /** The colour of the fill's outline pass at `zoom`, from ['step', ['zoom'], below, from, above]. */
  const outlinePassAt = (zoom: number) => {
    expect(fill.paint?.['fill-antialias'] ?? true).toBe(true);
    const [op, input, below, from, above] = (fill.paint?.['fill-outline-color'] ?? []) as unknown as unknown[];
    expect([op, input]).toEqual(['step', ['zoom']]);
    return zoom < (from as number) ? below : above;
  };

  it("draws one thin outline per footprint below the band zoom, whatever the band: the fill's opaque outline pass", () => {
    for (const zoom of [4, 5.7, BAND_OUTLINES_FROM_ZOOM - 0.01]) {
      for (const band of ['within', 'below', 'above'])
        expect(outlinesAt(layers, SOURCES.footprints, zoom, band)).toEqual([]);
      expect(outlinePassAt(zoom)).toEqual(['get', 'colour']);
    }
    // The fill's translucency is in its colour; the layer's opacity (which the outline pass shares)
    // is 1 for a footprint shown and 0 for one hidden.
    expect(fill.paint?.['fill-opacity']).toEqual(['case', expect.anything(), 1, 0]);
    expect(JSON.stringify(fill.paint?.['fill-color'])).toContain('0.28');
  });

  it('shows band status by outline style from the band zoom on', () => {
    for (const zoom of [BAND_OUTLINES_FROM_ZOOM, 8, 14]) {
      expect(outlinePassAt(zoom)).toBe('rgba(0, 0, 0, 0)');
      expect(outlinesAt(layers, SOURCES.footprints, zoom, 'within')).toEqual([['pcn-footprints-within', 2.5, false]]);
      expect(outlinesAt(layers, SOURCES.footprints, zoom, 'below')).toEqual([['pcn-footprints-below', 3, true]]);
      expect(outlinesAt(layers, SOURCES.footprints, zoom, 'above')).toEqual([
        ['pcn-footprints-above-outer', 5, false],
        ['pcn-footprints-above', 2.5, false],
      ]);
    }
  });

  it('gives the edits source the same layers, each right after its big-source twin', () => {
    const ids = layers.map((l) => l.id);
    const base = layers.filter((l) => sourceOf(l) === SOURCES.footprints && !l.id.startsWith('pcn-area'));
    expect(base.length).toBeGreaterThan(0);
    for (const l of base) {
      const twin = layers[ids.indexOf(l.id) + 1];
      expect(twin.id).toBe(`${l.id}-edits`);
      expect(sourceOf(twin)).toBe(SOURCES.edits);
      expect({ ...twin, id: l.id, source: sourceOf(l) }).toEqual(l);
    }
  });
});

describe('the study area', () => {
  const layers = plannerLayers();
  const studyArea = ['has', STUDY_AREA_PROPERTY];

  it('is drawn as land under the footprints and outlined over them from the footprint source, by its own layers only', () => {
    const ids = layers.map((l) => l.id);
    const fill = layers.find((l) => l.id === 'pcn-area-fill') as Fill;
    const line = layers.find((l) => l.id === 'pcn-area-line') as Line;
    for (const l of [fill, line]) {
      expect(l.source).toBe(SOURCES.footprints);
      expect(l.filter).toEqual(studyArea);
    }
    expect(ids.indexOf('pcn-area-fill')).toBeLessThan(ids.indexOf('pcn-footprints-fill'));
    expect(ids.indexOf('pcn-area-line')).toBeGreaterThan(ids.indexOf('pcn-footprints-fill-edits'));
    // Every other layer of the footprint sources leaves it out: the fills by filter, the outlines
    // by band (the study area has none).
    const footprintLayers = layers.filter(
      (l): l is Fill | Line =>
        (l.type === 'fill' || l.type === 'line') && [SOURCES.footprints, SOURCES.edits].includes(l.source as never),
    );
    expect(footprintLayers).toHaveLength(12);
    for (const l of footprintLayers) {
      if (l === fill || l === line) continue;
      if (l.type === 'fill') expect(l.filter, l.id).toEqual(['!', studyArea]);
      else expect(bandOf(l.filter), l.id).toMatch(/^(within|below|above)$/);
    }
    expect(studyAreaFeature({ type: 'Point', coordinates: [0, 0] }).properties).toEqual({
      [STUDY_AREA_PROPERTY]: true,
    });
    expect(STUDY_AREA_ID).toBe(0);
  });
});

describe('sources', () => {
  const layers = plannerLayers();
  it("draws polygon sources' tiles with a narrow margin, wider than half the widest outline", () => {
    const widest = Math.max(
      ...layers.flatMap((l) =>
        l.type === 'line' && typeof l.paint?.['line-width'] === 'number' ? [l.paint['line-width']] : [],
      ),
    );
    expect(widest).toBe(5);
    for (const id of [SOURCES.cells, SOURCES.footprints, SOURCES.edits]) {
      const buffer = sourceOptions.get(id)?.buffer as number;
      expect(buffer, id).toBeLessThan(128);
      expect(buffer, id).toBeGreaterThanOrEqual(widest / 2);
    }
    expect(sourceOptions.get(SOURCES.practices)?.buffer).toBeUndefined();
  });
});

describe('overlay layers with nothing to draw', () => {
  it('are hidden while their source is empty and shown once it has features; absent layers are skipped', () => {
    const visibility = new Map<string, string>([
      ['a', 'visible'],
      ['b', 'visible'],
    ]);
    const map = {
      getLayer: (id: string) => (visibility.has(id) ? {} : undefined),
      setLayoutProperty: (id: string, name: string, value: string) => {
        expect(name).toBe('visibility');
        visibility.set(id, value);
      },
    } as unknown as MapLibreMap;
    showWhileAny(map, ['a', 'b', 'absent'], 0);
    expect([...visibility]).toEqual([
      ['a', 'none'],
      ['b', 'none'],
    ]);
    showWhileAny(map, ['a', 'absent'], 3);
    expect([...visibility]).toEqual([
      ['a', 'visible'],
      ['b', 'none'],
    ]);
  });
});
