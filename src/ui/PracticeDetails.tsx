import { useMemo } from 'preact/hooks';
import type { NetworkId, PracticeCode } from '../core/model';
import { practiceIndex } from '../core/plan';
import { practiceDeciles, selectPracticeDeprivation } from '../state/deprivation';
import { selectPlan, selectTessellation } from '../state/selectors';
import type { PlanDoc } from '../state/types';
import type { Tessellation } from '../core/geometry';
import { DecileBar } from './DecileBar';
import { fmt } from './format';
import { NetworkPicker } from './NetworkPicker';
import { usePlannerStore, useStore } from './store-context';

/** Networks of the practices whose cells touch (or share) this practice's cell, nearest first. */
function neighbouringNetworks(doc: PlanDoc, t: Tessellation, code: PracticeCode): NetworkId[] {
  const index = practiceIndex(doc.practices).get(code);
  if (index === undefined) return [];
  const own = doc.assignment.get(code);
  const site = t.siteOfPractice[index];
  const out = new Set<NetworkId>();
  for (const s of [site, ...t.neighbours[site]]) {
    for (const i of t.sites[s].practices) {
      const id = doc.assignment.get(doc.practices[i].code);
      if (id && id !== own) out.add(id);
    }
  }
  return [...out];
}

/**
 * The hovered practice, else the selected one: text only, never HTML from files. The selected
 * practice can be moved to another network from here with the keyboard alone.
 */
export function PracticeDetails() {
  const store = usePlannerStore();
  const selectedCode = useStore((s) => s.selectedPractice);
  const code = useStore((s) => s.hoveredPractice ?? s.selectedPractice);
  const doc = useStore((s) => s.doc);
  const plan = useStore(selectPlan);
  const profile = useStore(selectPracticeDeprivation);
  const t = useStore(selectTessellation);
  const neighbours = useMemo(() => (code ? neighbouringNetworks(doc, t, code) : []), [doc, t, code]);
  if (!code)
    return <p class="muted practice-hint">Hover or click a practice (or find it with search) for its details.</p>;
  const index = practiceIndex(doc.practices).get(code);
  if (index === undefined) return null;
  const p = doc.practices[index];
  const id = doc.assignment.get(p.code);
  const net = id ? doc.networks.find((n) => n.id === id) : undefined;
  const conflict = plan.sharedSiteConflicts.find((c) => c.practiceCodes.includes(p.code));
  const deciles = profile ? practiceDeciles(profile, p.code) : null;
  const defs = neighbours.map((n) => doc.networks.find((d) => d.id === n)!).filter(Boolean);
  const move = (to: NetworkId) => store.getState().assignPractices([p.code], to);
  return (
    <section class="practice" data-testid="practice-details" aria-label={`Practice ${p.name}`}>
      <dl aria-live="polite">
        <div>
          <dt>Practice</dt>
          <dd>
            {p.name} ({p.code})
          </dd>
        </div>
        <div>
          <dt>List size</dt>
          <dd>{fmt(p.listSize)}</dd>
        </div>
        <div>
          <dt>Network</dt>
          <dd data-testid="practice-network">{net ? net.name : 'none (unassigned)'}</dd>
        </div>
        {conflict && (
          <div>
            <dt>Shared site</dt>
            <dd>
              shares a building with {conflict.practiceCodes.filter((c) => c !== p.code).join(', ')} in another network
            </dd>
          </div>
        )}
        {deciles && (
          <div>
            <dt>Patients by IMD decile</dt>
            <dd data-testid="practice-deciles">
              {deciles.map((n, d) => `${d + 1}: ${fmt(n)}`).join(' · ')}{' '}
              <DecileBar deciles={deciles} label={`${p.name}: patients`} />
            </dd>
          </div>
        )}
      </dl>
      {code === selectedCode && (
        <div class="practice-move">
          <NetworkPicker
            id="practice-network-picker"
            label="Move to network"
            networks={doc.networks}
            value={id ?? null}
            first={defs}
            placeholder="type a network name"
            testId="practice-network-picker"
            onPick={move}
          />
          {defs.length > 0 && (
            <div class="neighbours" role="group" aria-label="Neighbouring networks">
              <span class="muted">Neighbouring:</span>
              {defs.map((d) => (
                <button type="button" key={d.id} onClick={() => move(d.id)} aria-label={`Move ${p.name} to ${d.name}`}>
                  <span class="swatch" style={{ background: d.colour }} /> {d.name}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
