import type { PracticesMode } from '../state/loaders';
import { Dialog } from './Dialog';

/** Practices opened over a real plan: a new plan (the default) or added to the current one. */
export function OpenChoiceDialog({
  fileName,
  onChoose,
}: {
  fileName: string;
  onChoose: (mode: PracticesMode | null) => void;
}) {
  return (
    <Dialog labelledBy="open-choice-title" onClose={() => onChoose(null)}>
      <h2 id="open-choice-title">Open {fileName}</h2>
      <p>
        A plan is open. Start a new plan from <strong>{fileName}</strong> (its boundary comes from the practices until
        you open one), or add these practices to the current plan?
      </p>
      <div class="dialog-actions">
        <button type="button" onClick={() => onChoose(null)}>
          Cancel
        </button>
        <button type="button" onClick={() => onChoose('add')} data-testid="open-add">
          Add to current plan
        </button>
        <button type="button" class="primary" onClick={() => onChoose('new')} data-testid="open-new" data-autofocus>
          Start a new plan
        </button>
      </div>
    </Dialog>
  );
}
