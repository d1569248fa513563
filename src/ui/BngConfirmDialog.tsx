import { Dialog } from './Dialog';

/** Coordinates in metres with no CRS stated: the user says whether they are British National Grid. */
export function BngConfirmDialog({ fileName, onAnswer }: { fileName: string; onAnswer: (isBng: boolean) => void }) {
  return (
    <Dialog labelledBy="bng-title" onClose={() => onAnswer(false)}>
      <h2 id="bng-title">These look like British National Grid metres</h2>
      <p>
        The coordinates in <strong>{fileName}</strong> are metres, and the file does not say which coordinate system
        they are in. If they are British National Grid (EPSG:27700, eastings and northings, as ONS and most council GIS
        teams use), the planner reprojects them to longitude/latitude. If not, the file is not loaded.
      </p>
      <div class="dialog-actions">
        <button type="button" onClick={() => onAnswer(false)} data-testid="bng-no">
          No, do not load it
        </button>
        <button type="button" class="primary" onClick={() => onAnswer(true)} data-testid="bng-yes" data-autofocus>
          Yes, British National Grid
        </button>
      </div>
    </Dialog>
  );
}
