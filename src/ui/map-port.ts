import type { FeatureCollection } from 'geojson';

/** What the UI may ask of the map, handed in by main.tsx so ui never imports MapLibre. */
export interface MapPort {
  zoomTo(bounds: [number, number, number, number]): void;
  /** The map as a PNG with labels, scale bar and legend; `wholeArea`: the whole study area, not the view. */
  exportPng(title: string, wholeArea?: boolean): Promise<Blob>;
  /** Outlines of a proposal shown over the plan before it is accepted (null clears them). */
  showPreview(outlines: FeatureCollection | null): void;
}
