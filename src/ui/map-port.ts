import type { ServiceOverlay } from '../core/align';

/** What the UI may ask of the map, handed in by main.tsx so ui never imports MapLibre. */
export interface MapPort {
  zoomTo(bounds: [number, number, number, number]): void;
  exportPng(title: string): Promise<Blob>;
  /** Shows community-service areas from the Align panel on the map (null clears them). */
  setServiceOverlay?(overlay: ServiceOverlay | null): void;
}
