import { IMD_DECILE_COLOURS } from '../state/deprivation';
import { useStore, usePlannerStore } from './store-context';

/** Band limits: a network is "in band" between min and max patients, inclusive. */
export function Settings() {
  const store = usePlannerStore();
  const band = useStore((s) => s.doc.band);
  const set = (key: 'min' | 'max', value: string) => {
    const n = Math.round(Number(value));
    if (!Number.isFinite(n) || n < 0) return;
    const next = { ...band, [key]: n };
    if (next.min > next.max) {
      store.getState().notify('The band minimum must not be above the maximum.', 'warning');
      return;
    }
    store.getState().setBand(next);
  };
  return (
    <section class="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Population band</h2>
      <div class="controls">
        <label>
          Minimum{' '}
          <input
            type="number"
            min={0}
            step={1000}
            value={band.min}
            data-testid="band-min"
            onChange={(e) => set('min', (e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Maximum{' '}
          <input
            type="number"
            min={0}
            step={1000}
            value={band.max}
            data-testid="band-max"
            onChange={(e) => set('max', (e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <DeprivationLayerToggle />
    </section>
  );
}

/** The map layer of small areas shaded by IMD decile, with its legend in words. */
function DeprivationLayerToggle() {
  const store = usePlannerStore();
  const show = useStore((s) => s.showDeprivationLayer);
  const ready = useStore((s) => s.smallAreas !== null && s.deprivation !== null);
  return (
    <>
      <h2>Map layers</h2>
      <label>
        <input
          type="checkbox"
          checked={show}
          disabled={!ready}
          data-testid="show-imd-layer"
          onChange={(e) => store.getState().setShowDeprivationLayer((e.target as HTMLInputElement).checked)}
        />{' '}
        Shade small areas by deprivation (IMD decile)
      </label>
      {!ready && <p class="hint">Open a small-area layer and a deprivation table in the Small areas tab first.</p>}
      {show && ready && (
        <p class="imd-legend" data-testid="imd-legend">
          <span>1 most deprived</span>
          {IMD_DECILE_COLOURS.map((c, d) => (
            <span key={c} class="decile-key" style={{ background: c }} title={`decile ${d + 1}`} aria-hidden="true" />
          ))}
          <span>10 least</span>
        </p>
      )}
    </>
  );
}
