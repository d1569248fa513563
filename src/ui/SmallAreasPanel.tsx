// The Small areas tab: open a small-area layer (LSOAs) and NHS Digital's registrations by practice
// and LSOA, choose where footprints come from, and see where patients live against the footprints.
import type { SmallAreaRecord } from '../core/io';
import type { NetworkSummary } from '../core/plan';
import { toSmallAreasCsv, type SmallAreaNetworkSummary } from '../core/small-areas';
import { selectPlan } from '../state/selectors';
import { FOOTPRINT_SOURCES, practiceCatchment, shownSmallAreaPlan, type SmallAreaSource } from '../state/small-areas';
import { useContext, useState } from 'preact/hooks';
import { BngConfirmDialog } from './BngConfirmDialog';
import { FileCopiesContext } from './file-copies';
import { download } from './files';
import { applyHardAreas, openHardAreas, openSmallAreaFile, type SmallAreaFileKind } from './load-small-areas';
import { usePlannerStore, useStore } from './store-context';

const MAX_ROWS = 100;
const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString('en-GB');
const isSmallArea = (n: NetworkSummary): n is SmallAreaNetworkSummary => 'smallAreaCount' in n;

function FileButton({
  kind,
  label,
  disabled,
  confirmBng,
}: {
  kind: SmallAreaFileKind;
  label: string;
  disabled?: boolean;
  confirmBng?: (fileName: string) => Promise<boolean>;
}) {
  const store = usePlannerStore();
  const files = useContext(FileCopiesContext);
  return (
    <label class="file-btn small-area-file" aria-disabled={disabled}>
      {label}
      <input
        type="file"
        disabled={disabled}
        data-testid={`open-${kind}`}
        accept={kind === 'layer' ? '.geojson,.json,.zip' : '.csv'}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) void openSmallAreaFile(store, file, kind, confirmBng, files);
        }}
      />
    </label>
  );
}

/** Hard areas for the small areas: open a layer, choose its area field, or go without. */
function HardAreasControls({ source }: { source: SmallAreaSource | null }) {
  const store = usePlannerStore();
  const files = useContext(FileCopiesContext);
  const hard = source?.hardAreas ?? null;
  const names = hard ? new Set(hard.areas.map((a) => a.name)).size : 0;
  return (
    <>
      <div class="controls">
        <label class="file-btn small-area-file" aria-disabled={!source}>
          Hard areas…
          <input
            type="file"
            disabled={!source}
            data-testid="open-hard-areas"
            accept=".geojson,.json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void openHardAreas(store, file, files);
            }}
          />
        </label>
        {hard && hard.fields.length > 1 && (
          <label>
            Area field{' '}
            <select
              data-testid="hard-area-field"
              value={hard.field ?? ''}
              onChange={(e) =>
                applyHardAreas(store, { ...hard.file, text: hard.text }, e.currentTarget.value || undefined)
              }
            >
              {hard.fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
        )}
        {hard && source && (
          <button
            type="button"
            data-testid="hard-areas-clear"
            onClick={() => store.getState().setSmallAreas({ ...source, hardAreas: null })}
          >
            No hard areas
          </button>
        )}
      </div>
      <p data-testid="hard-areas-file">
        {hard
          ? `${count(names)} hard area${names === 1 ? '' : 's'} from ${hard.file.name}${hard.field ? ` by ${hard.field}` : ''}: a small area only goes to a network of its own hard area (the one holding most of the network's list size).`
          : 'No hard areas: a small area may go to any network.'}
      </p>
    </>
  );
}

/** What the plan was made with while those files are not open here. */
function unopenedText(r: SmallAreaRecord): string {
  const names = [r.layer, r.registrations, r.hardAreas, r.deprivation].filter((f) => !!f).map((f) => f.name);
  const cells = r.footprints === 'smallAreas' ? ' (until then they are from practice cells)' : '';
  return `This plan was made with footprints from ${r.footprints === 'smallAreas' ? 'small areas' : 'practice cells'} and ${names.join(', ')}, which are not open: open them here to see the same footprints${cells}.`;
}

export function SmallAreasPanel() {
  const store = usePlannerStore();
  const source = useStore((s) => s.smallAreas);
  const mode = useStore((s) => s.footprintSource);
  const deprivation = useStore((s) => s.deprivation);
  const unopened = useStore((s) => s.unopenedSmallAreas);
  const focus = useStore((s) => s.hoveredPractice ?? s.selectedPractice);
  const plan = useStore(selectPlan);
  const areas = shownSmallAreaPlan(store.getState(), plan);
  const catchment = areas && focus ? practiceCatchment(areas, focus) : null;
  const rows = areas
    ? [...plan.networks.values()].filter(isSmallArea).sort((a, b) => (a.residentShare ?? 2) - (b.residentShare ?? 2))
    : [];
  const [bngQuestion, setBngQuestion] = useState<{ fileName: string; resolve: (yes: boolean) => void } | null>(null);
  const confirmBng = (fileName: string) => new Promise<boolean>((resolve) => setBngQuestion({ fileName, resolve }));
  return (
    <section class="panel small-areas" aria-labelledby="small-areas-heading">
      <h2 id="small-areas-heading">Small areas</h2>
      <p class="hint">
        Footprints the way ICBs draw them: each small area (LSOA) goes to the network whose practices have most
        registered patients living there.
      </p>
      {bngQuestion && (
        <BngConfirmDialog
          fileName={bngQuestion.fileName}
          onAnswer={(yes) => {
            setBngQuestion(null);
            bngQuestion.resolve(yes);
          }}
        />
      )}
      {unopened && !source && (
        <p data-testid="small-areas-unopened" class="hint">
          {unopenedText(unopened)}
        </p>
      )}
      <div class="controls">
        <FileButton kind="layer" label="Open small areas…" confirmBng={confirmBng} />
        <FileButton kind="registrations" label="Open registrations…" disabled={!source} />
        <FileButton kind="deprivation" label="Deprivation (IMD) by LSOA…" />
      </div>
      <p data-testid="small-area-files">
        {source
          ? `${count(source.layer.codes.length)} small areas from ${source.layerFile.name} (${source.layer.codeField})`
          : 'No small-area layer open.'}
        {source?.registrations && source.registrationsFile
          ? `; ${count(source.registrations.rowCount)} registration rows from ${source.registrationsFile.name}`
          : ''}
      </p>
      <HardAreasControls source={source} />
      <p data-testid="deprivation-file">
        {deprivation
          ? `${count(deprivation.table.decile.size)} small areas with an IMD decile from ${deprivation.file.name}`
          : 'No deprivation table open.'}
        {deprivation && !source?.registrations ? ' Open the registrations too for population health figures.' : ''}
      </p>
      <fieldset disabled={!source}>
        <legend>Footprints from</legend>
        <label>
          <input
            type="radio"
            name="footprint-source"
            data-testid="footprints-cells"
            checked={mode === FOOTPRINT_SOURCES.cells}
            onChange={() => store.getState().setFootprintSource(FOOTPRINT_SOURCES.cells)}
          />{' '}
          practice cells
        </label>
        <label>
          <input
            type="radio"
            name="footprint-source"
            data-testid="footprints-small-areas"
            checked={mode === FOOTPRINT_SOURCES.smallAreas}
            onChange={() => store.getState().setFootprintSource(FOOTPRINT_SOURCES.smallAreas)}
          />{' '}
          small areas
        </label>
      </fieldset>
      {areas?.context.registrations && (
        <p data-testid="resident-share">
          Patients living in their own network's footprint:{' '}
          <strong>{pct(areas.knownPatients > 0 ? areas.residentPatients / areas.knownPatients : null)}</strong> (
          {count(areas.residentPatients)} of {count(areas.knownPatients)})
        </p>
      )}
      {areas && (
        <p class="controls">
          <button
            type="button"
            data-testid="small-areas-export"
            onClick={() => download(toSmallAreasCsv(areas), 'small-areas.csv', 'text/csv')}
          >
            Export small-area assignment (CSV)
          </button>
          <span class="hint">
            A table (one row per small area), so CSV only; the networks export writes the footprints as GeoJSON,
            shapefile or KML.
          </span>
        </p>
      )}
      {catchment && focus && (
        <p data-testid="catchment">
          {focus}: patients live in {count(catchment.smallAreas)} small areas (shaded on the map);{' '}
          {catchment.insideOwnFootprint === null
            ? 'no network'
            : `${pct(catchment.patients > 0 ? catchment.insideOwnFootprint / catchment.patients : null)} inside its network's footprint`}
        </p>
      )}
      {rows.length > 0 && (
        <table class="small-area-networks" data-testid="resident-shares">
          <caption>Networks, lowest share of patients living inside the footprint first</caption>
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col">Small areas</th>
              <th scope="col">Living inside</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((n) => (
              <tr key={n.id}>
                <td>{n.name}</td>
                <td>{count(n.smallAreaCount)}</td>
                <td>{pct(n.residentShare)}</td>
              </tr>
            ))}
          </tbody>
          {rows.length > MAX_ROWS && (
            <tfoot>
              <tr>
                <td colSpan={3}>…and {count(rows.length - MAX_ROWS)} more</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </section>
  );
}
