// The core's one door to @turf/turf (pinned at 7.4.0): named imports only, so the bundle keeps
// just these functions and what they import. Turf's intersect and union run polyclip-ts (0.16),
// and the core relies on these behaviours of it:
// 1. Output is valid by construction: rings closed, shells counter-clockwise and holes clockwise,
//    no self-crossings, collinear vertices dropped. parse-boundary's dissolve is one union of all
//    the boundary's polygons (a single polygon is unioned with itself), which both merges shared
//    borders and repairs self-crossing rings.
// 2. An empty intersection is null, never an empty polygon.
// 3. It throws on some invalid input (badly self-crossing or generalised rings), and every caller
//    catches: clip-cell retries against the uncropped study area, align/planar and
//    small-area-weights estimate the area on a grid, parse-boundary splits the rings at their
//    kinks (unkinkPolygon) and retries once.
// 4. Its arithmetic (bignumber.js, no snapping by default) is deterministic, so a boundary cell
//    clipped here (clip-cell's fallback for the few cells clip-convex leaves undecided) comes out
//    the same bytes every run: the CLI's outputs and the golden fixtures
//    depend on it. A Turf or polyclip-ts upgrade may move clipped vertices in the last digits;
//    regenerate the golden files only after looking at that diff.
export { featureCollection, intersect, kinks, multiPolygon, polygon, union, unkinkPolygon } from '@turf/turf';
