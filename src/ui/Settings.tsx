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
        <label>Minimum <input type="number" min={0} step={1000} value={band.min} data-testid="band-min" onChange={(e) => set('min', (e.target as HTMLInputElement).value)} /></label>
        <label>Maximum <input type="number" min={0} step={1000} value={band.max} data-testid="band-max" onChange={(e) => set('max', (e.target as HTMLInputElement).value)} /></label>
      </div>
    </section>
  );
}
