import type { FeatureCollection } from 'geojson';

/** What the UI may ask of the map, handed in by main.tsx so ui never imports MapLibre. */
export interface MapPort {
  zoomTo(bounds: [number, number, number, number]): void;
  exportPng(title: string): Promise<Blob>;
  /** Outlines of a proposal shown over the plan before it is accepted (null clears them). */
  showPreview(outlines: FeatureCollection | null): void;
}
