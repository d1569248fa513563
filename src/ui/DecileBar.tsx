// Patients by IMD decile as a small bar of 10 segments (decile 1, most deprived, on the left),
// with the figures in words for screen readers.
import { IMD_DECILE_COLOURS } from '../state/deprivation';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function DecileBar({ deciles, label }: { deciles: readonly number[]; label: string }) {
  const total = deciles.reduce((s, x) => s + x, 0);
  const words =
    total > 0
      ? deciles.map((n, d) => `decile ${d + 1}: ${pct(n / total)}`).join(', ')
      : 'no patients with an IMD decile';
  return (
    <span class="decile-bar" role="img" aria-label={`${label} by IMD decile (1 most deprived): ${words}`}>
      {deciles.map((n, d) => (
        <span
          key={d}
          class="decile-seg"
          style={{ width: total > 0 ? `${(100 * n) / total}%` : '0%', background: IMD_DECILE_COLOURS[d] }}
        />
      ))}
    </span>
  );
}
