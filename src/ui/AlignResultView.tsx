// The Align panel's comparison: the summary, the aligned-boundaries toggle, the exports, and the
// networks (sortable) and service areas tables.
import { useMemo } from 'preact/hooks';
import { toAlignedGeoJSON, toOverlapCsv, type AlignResult, type NetworkAlignment } from '../core/align';
import { FormatSelect, downloadFeatures } from './ExportFormat';

const SORTS = {
  moved: (a: NetworkAlignment, b: NetworkAlignment) => b.populationMoved - a.populationMoved,
  share: (a: NetworkAlignment, b: NetworkAlignment) => a.homeShare - b.homeShare,
  network: (a: NetworkAlignment, b: NetworkAlignment) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  home: (a: NetworkAlignment, b: NetworkAlignment) => (a.home < b.home ? -1 : a.home > b.home ? 1 : 0),
} as const;
export type SortKey = keyof typeof SORTS;

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface AlignResultViewProps {
  readonly result: AlignResult;
  readonly showAligned: boolean;
  readonly onShowAligned: (show: boolean) => void;
  readonly sort: SortKey;
  readonly onSort: (sort: SortKey) => void;
  readonly alignedFormat: string;
  readonly onAlignedFormat: (format: string) => void;
}

export function AlignResultView({
  result,
  showAligned,
  onShowAligned,
  sort,
  onSort: setSort,
  alignedFormat,
  onAlignedFormat,
}: AlignResultViewProps) {
  const rows = useMemo(() => [...result.networks].sort(SORTS[sort]), [result, sort]);
  const sortHeader = (key: SortKey, label: string) => (
    <th
      aria-sort={
        sort === key ? (key === 'share' || key === 'network' || key === 'home' ? 'ascending' : 'descending') : 'none'
      }
    >
      <button type="button" class={sort === key ? 'align-sort active' : 'align-sort'} onClick={() => setSort(key)}>
        {label}
      </button>
    </th>
  );
  return (
    <div class="align-result" data-testid="align-result">
      <p>
        {result.splitCount} of {result.networks.length} networks split (home share below {pct(result.threshold)});{' '}
        {fmt(result.populationChangingHands)} patients and {result.areaChangingHandsKm2.toFixed(1)} km² would change
        hands. Populations are estimates: list sizes spread evenly over each practice's cell.
      </p>
      <label class="align-toggle">
        <input
          type="checkbox"
          data-testid="align-show-aligned"
          checked={showAligned}
          onChange={(e) => onShowAligned((e.currentTarget as HTMLInputElement).checked)}
        />
        Show aligned boundaries
      </label>
      <div class="align-actions">
        <button
          type="button"
          data-testid="align-export"
          onClick={() => downloadFeatures(toAlignedGeoJSON(result), 'aligned-service-areas', alignedFormat)}
        >
          Export aligned areas
        </button>
        <FormatSelect
          value={alignedFormat}
          onChange={onAlignedFormat}
          testId="align-export-format"
          label="Format of the aligned areas export"
        />
        <button type="button" onClick={() => download('overlap-report.csv', toOverlapCsv(result), 'text/csv')}>
          Export overlap CSV
        </button>
      </div>
      <table class="align-table">
        <thead>
          <tr>
            {sortHeader('network', 'Network')}
            {sortHeader('home', 'Home area')}
            {sortHeader('share', 'Home share')}
            {sortHeader('moved', 'Population moved')}
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr
              key={n.id}
              data-testid="align-network-row"
              class={n.split ? 'split' : ''}
              title={n.overlaps.map((o) => `${o.serviceArea}: ${pct(o.populationShare)}`).join('\n')}
            >
              <td>{n.name || n.id}</td>
              <td>{n.home}</td>
              <td>
                {pct(n.homeShare)}
                {n.split ? ' (split)' : ''}
              </td>
              <td class="num">{fmt(n.populationMoved)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="align-table">
        <thead>
          <tr>
            <th>Service area</th>
            <th>Networks</th>
            <th>Population before → after</th>
            <th>Changes hands</th>
          </tr>
        </thead>
        <tbody>
          {result.serviceAreas.map((a) => (
            <tr key={a.name}>
              <td>{a.name}</td>
              <td
                class="num"
                title={`${a.networksInside.length} inside at the threshold; split networks touching it: ${a.networksSplit.join(', ') || 'none'}`}
              >
                {a.networkIds.length} ({a.networksSplit.length} split)
              </td>
              <td class="num">
                {fmt(a.populationBefore)} → {fmt(a.populationAfter)}
              </td>
              <td class="num">
                {fmt(a.populationChanged)} / {a.areaChangedKm2.toFixed(1)} km²
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
