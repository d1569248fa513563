// Basemap styles. The offline style needs no network at all (many NHS machines sit behind
// restrictive proxies): a sea-coloured background, with the study area drawn as land by the
// planner layers. OpenStreetMap raster tiles when online; or an organisation's own style URL.
import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapChoice } from '../state/types';

const SEA = '#cfe0ea';

const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'PCN Planner offline',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': SEA } }],
};

const OSM_STYLE: StyleSpecification = {
  version: 8,
  name: 'OpenStreetMap',
  sources: {
    osm: {
      type: 'raster',
      tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
      tileSize: 256,
      maxzoom: 19,
      attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': SEA } },
    { id: 'osm', type: 'raster', source: 'osm' },
  ],
};

/** A style object, or the URL of a MapLibre style for a custom basemap. */
export function styleFor(choice: BasemapChoice): StyleSpecification | string {
  if (choice.kind === 'osm') return OSM_STYLE;
  if (choice.kind === 'custom') return choice.url;
  return OFFLINE_STYLE;
}

/** Whether the planner layers should paint the study area as land (offline only). */
export const drawsLand = (choice: BasemapChoice) => choice.kind === 'offline';
