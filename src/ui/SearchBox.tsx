import { bbox } from '@turf/turf';
import { useMemo, useState } from 'preact/hooks';
import { selectPlan } from '../state/selectors';
import type { MapPort } from './map-port';
import { usePlannerStore, useStore } from './store-context';

/** Find a practice or network by code or name, and zoom to it. */
export function SearchBox({ mapPort }: { mapPort: MapPort }) {
  const store = usePlannerStore();
  const doc = useStore((s) => s.doc);
  const plan = useStore(selectPlan);
  const [q, setQ] = useState('');
  const hits = useMemo(() => {
    const t = q.trim().toLowerCase();
    if (t.length < 2) return [];
    const nets = doc.networks
      .filter((n) => n.id.toLowerCase().includes(t) || n.name.toLowerCase().includes(t))
      .slice(0, 5)
      .map((n) => ({
        key: `n-${n.id}`,
        label: `Network: ${n.name} (${n.id})`,
        go: () => {
          const g = plan.networks.get(n.id)?.geometry;
          if (g) mapPort.zoomTo(bbox(g) as [number, number, number, number]);
          store.getState().setActiveNetwork(n.id);
        },
      }));
    const ps = doc.practices
      .filter((p) => p.code.toLowerCase().includes(t) || p.name.toLowerCase().includes(t))
      .slice(0, 8)
      .map((p) => ({
        key: `p-${p.code}`,
        label: `Practice: ${p.name} (${p.code})`,
        go: () => {
          const d = 0.01;
          mapPort.zoomTo([p.lon - d, p.lat - d, p.lon + d, p.lat + d]);
          store.getState().selectPractice(p.code);
        },
      }));
    return [...nets, ...ps];
  }, [q, doc, plan]);
  return (
    <div class="search">
      <label for="search-input" class="visually-hidden">
        Search practices and networks
      </label>
      <input
        id="search-input"
        type="search"
        placeholder="Search practice or network…"
        value={q}
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) {
            hits[0].go();
            setQ('');
          }
        }}
      />
      {hits.length > 0 && (
        <ul class="search-results">
          {hits.map((h) => (
            <li key={h.key}>
              <button
                type="button"
                onClick={() => {
                  h.go();
                  setQ('');
                }}
              >
                {h.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
