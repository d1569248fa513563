// Reference layers: polygons drawn under the plan to draw against.
export { parseReferenceLayer } from './parse-reference-layer';
