import { bbox } from '@turf/turf';
import { useMemo, useState } from 'preact/hooks';
import { selectPlan } from '../state/selectors';
import type { MapPort } from './map-port';
import type { PlannerStore } from '../state/store';
import { usePlannerStore, useStore } from './store-context';

/** A search hit: what it says and where it goes. */
interface Hit {
  readonly key: string;
  readonly label: string;
  readonly go: () => void;
}

/** Networks then practices whose code or name contains `q` (at least two characters). */
function searchHits(store: PlannerStore, mapPort: MapPort, q: string): Hit[] {
  const t = q.trim().toLowerCase();
  if (t.length < 2) return [];
  const s = store.getState();
  const { doc } = s;
  const nets = doc.networks
    .filter((n) => n.id.toLowerCase().includes(t) || n.name.toLowerCase().includes(t))
    .slice(0, 5)
    .map((n) => ({
      key: `n-${n.id}`,
      label: `Network: ${n.name} (${n.id})`,
      go: () => {
        const g = selectPlan(store.getState()).networks.get(n.id)?.geometry;
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
}

/**
 * Find a practice or network by code or name, and zoom to it. Only the results follow the plan's
 * edits, and only while there is a search: an edit does not re-render the search box.
 */
export function SearchBox({ mapPort }: { mapPort: MapPort }) {
  const store = usePlannerStore();
  const [q, setQ] = useState('');
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
          const first = e.key === 'Enter' ? searchHits(store, mapPort, q)[0] : undefined;
          if (first) {
            first.go();
            setQ('');
          }
        }}
      />
      {q.trim().length >= 2 && <SearchResults q={q} mapPort={mapPort} onGo={() => setQ('')} />}
    </div>
  );
}

function SearchResults({ q, mapPort, onGo }: { q: string; mapPort: MapPort; onGo: () => void }) {
  const store = usePlannerStore();
  const doc = useStore((s) => s.doc);
  const hits = useMemo(() => searchHits(store, mapPort, q), [store, mapPort, q, doc]);
  if (hits.length === 0) return null;
  return (
    <ul class="search-results">
      {hits.map((h) => (
        <li key={h.key}>
          <button
            type="button"
            onClick={() => {
              h.go();
              onGo();
            }}
          >
            {h.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
