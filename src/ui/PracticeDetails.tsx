import { selectPlan } from '../state/selectors';
import { fmt } from './format';
import { useStore } from './store-context';

/** The hovered practice, else the selected one: text only, never HTML from files. */
export function PracticeDetails() {
  const code = useStore((s) => s.hoveredPractice ?? s.selectedPractice);
  const doc = useStore((s) => s.doc);
  const plan = useStore(selectPlan);
  if (!code) return <p class="muted practice-hint">Hover or click a practice for its details.</p>;
  const p = doc.practices.find((x) => x.code === code);
  if (!p) return null;
  const id = doc.assignment.get(p.code);
  const net = id ? doc.networks.find((n) => n.id === id) : undefined;
  const conflict = plan.sharedSiteConflicts.find((c) => c.practiceCodes.includes(p.code));
  return (
    <dl class="practice" data-testid="practice-details" aria-live="polite">
      <div><dt>Practice</dt><dd>{p.name} ({p.code})</dd></div>
      <div><dt>List size</dt><dd>{fmt(p.listSize)}</dd></div>
      <div><dt>Network</dt><dd>{net ? net.name : 'none (unassigned)'}</dd></div>
      {conflict && <div><dt>Shared site</dt><dd>shares a building with {conflict.practiceCodes.filter((c) => c !== p.code).join(', ')} in another network</dd></div>}
    </dl>
  );
}
