import { usePlannerStore, useStore } from './store-context';

/** Problems from loading files, each with file, place and what was expected. */
export function ProblemsPanel() {
  const store = usePlannerStore();
  const problems = useStore((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <section class="panel problems" aria-labelledby="problems-heading" data-testid="problems">
      <h2 id="problems-heading">Problems</h2>
      {problems.map((p, i) => (
        <div class={`problem ${p.issues.some((x) => x.severity === 'error') ? 'problem--error' : ''}`} key={`${i}-${p.title}`}>
          <div class="problem-head">
            <strong>{p.title}</strong>
            <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissProblem(i)}>×</button>
          </div>
          <ul>
            {p.issues.slice(0, 50).map((x, k) => <li key={k} class={x.severity}>{x.message}</li>)}
          </ul>
          {p.issues.length > 50 && <p class="muted">…and {p.issues.length - 50} more</p>}
        </div>
      ))}
    </section>
  );
}

export function Notices() {
  const store = usePlannerStore();
  const notices = useStore((s) => s.notices);
  const busy = useStore((s) => s.busy);
  return (
    <div class="notices" role="status" aria-live="polite">
      {busy && (
        <div class="notice">
          {busy.label}
          <progress max={1} value={busy.fraction ?? undefined} aria-label={busy.label} />
        </div>
      )}
      {notices.map((n) => (
        <div class={`notice notice--${n.tone}`} key={n.id}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
