// Compactness of a footprint, the one definition for plans, small-area plans and auto-cluster.

/**
 * Polsby-Popper 4πA/P², 0-1 (1 = a circle); 0 without area or perimeter. Any area unit with the
 * matching length unit: `polsbyPopper(areaKm2, perimeterKm)` or `polsbyPopper(areaM2, perimeterMetres)`.
 * Example: a square of side 1 gives π/4 ≈ 0.785.
 */
export function polsbyPopper(area: number, perimeter: number): number {
  return perimeter > 0 && area > 0 ? Math.min(1, (4 * Math.PI * area) / (perimeter * perimeter)) : 0;
}
