import { useState } from 'preact/hooks';
import { issueCount } from '../core/io';
import type { Issue } from '../core/model';
import { selectPlanChecks } from '../state/selectors';
import { usePlannerStore, useStore } from './store-context';

const SHOWN = 50;

function IssueList({ issues }: { issues: readonly Issue[] }) {
  return (
    <>
      <ul>
        {issues.slice(0, SHOWN).map((x, k) => (
          <li key={k} class={x.severity}>
            {x.message}
          </li>
        ))}
      </ul>
      {issues.length > SHOWN && <p class="muted">…and {issues.length - SHOWN} more</p>}
    </>
  );
}

/**
 * Problems with the current plan: checks re-run on every change of its practices or boundary,
 * plus warnings and failures from the files opened into it. Collapsible, with the count in the
 * header, so it never pushes the network list off screen.
 */
export function ProblemsPanel() {
  const store = usePlannerStore();
  const problems = useStore((s) => s.problems);
  const checks = useStore(selectPlanChecks);
  const [open, setOpen] = useState<boolean | null>(null);
  const count = problems.reduce((n, p) => n + issueCount(p.issues), 0) + checks.outside;
  if (count === 0) return null;
  const failed = problems.some((p) => p.issues.some((x) => x.severity === 'error'));
  return (
    <details
      class="panel problems"
      data-testid="problems"
      open={open ?? failed}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h2>
          Problems{' '}
          <span class="count" data-testid="problems-count">
            ({count})
          </span>
        </h2>
      </summary>
      {checks.outside > 0 && (
        <div class="problem" data-testid="plan-checks">
          <div class="problem-head">
            <strong>{checks.title}</strong>
          </div>
          <IssueList issues={checks.issues} />
        </div>
      )}
      {problems.map((p, i) => (
        <div
          class={`problem ${p.issues.some((x) => x.severity === 'error') ? 'problem--error' : ''}`}
          key={`${i}-${p.title}`}
        >
          <div class="problem-head">
            <strong>{p.title}</strong>
            <button type="button" aria-label={`Dismiss: ${p.title}`} onClick={() => store.getState().dismissProblem(i)}>
              ×
            </button>
          </div>
          <IssueList issues={p.issues} />
        </div>
      ))}
    </details>
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
      {notices.length > 3 && (
        <div class="notice notice--more">
          {notices.length - 3} earlier message{notices.length === 4 ? '' : 's'}
        </div>
      )}
      {notices.slice(-3).map((n) => (
        <div class={`notice notice--${n.tone}`} key={n.id}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
