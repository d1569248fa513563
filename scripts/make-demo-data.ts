// Generates the synthetic demo region "Doggerland (synthetic)" in data/.
// Run: npm run demo-data. Deterministic: a seeded PRNG and fixed formatting, so a rerun
// writes byte-identical files (tests/unit/cli/demo-data.test.ts checks it).
//
// The region sits in the North Sea around 54.6N 2.2E, where no town, practice or NHS body
// exists, so it cannot be mistaken for a real place. Practice codes start with "Z9" and
// network codes with "ZN", which real ODS codes never do for GP practices or PCNs.
import { Delaunay } from 'd3-delaunay';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_NAME = 'Doggerland (synthetic)';
export const DEMO_SOURCE = 'Synthetic demo data made by scripts/make-demo-data.ts; not real NHS data';
export const DEMO_SEED = 20260123;

const CENTRE_LON = 2.2;
const CENTRE_LAT = 54.6;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((CENTRE_LAT * Math.PI) / 180);

type XY = readonly [number, number];

/** mulberry32: small, fast, and identical on every platform for a given seed. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const toLonLat = ([xKm, yKm]: XY): XY => [CENTRE_LON + xKm / KM_PER_DEG_LON, CENTRE_LAT + yKm / KM_PER_DEG_LAT];
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function insideRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Mainland: a star-shaped ring (radius a function of angle, so it is always simple and CCW)
 * about 40 x 30 km, with a rough coast to the east, a smoother land edge to the west and a
 * narrow estuary cutting in from the east-north-east. Island: a small rough ellipse offshore.
 */
function makeLand(rand: () => number): { mainland: XY[]; island: XY[]; islandCentre: XY } {
  const harmonics = Array.from({ length: 38 }, (_, i) => ({
    k: i + 3,
    phase: rand() * 2 * Math.PI,
    amp: (0.09 / Math.pow(i + 3, 0.9)) * (0.5 + rand()),
  }));
  const estuaryAngle = 0.16;
  const radius = (theta: number) => {
    const ellipse = 1 / Math.sqrt((Math.cos(theta) / 20) ** 2 + (Math.sin(theta) / 14.5) ** 2);
    const roughness = 0.35 + 0.65 * ((1 + Math.cos(theta)) / 2);
    const noise = harmonics.reduce((s, h) => s + h.amp * Math.sin(h.k * theta + h.phase), 0);
    const d = Math.atan2(Math.sin(theta - estuaryAngle), Math.cos(theta - estuaryAngle));
    const estuary = 1 - 0.58 * Math.exp(-((d / 0.03) ** 2));
    return ellipse * (1 + roughness * noise) * estuary;
  };
  const steps = 720;
  const mainland: XY[] = [];
  for (let i = 0; i < steps; i++) {
    const theta = (i / steps) * 2 * Math.PI;
    const r = radius(theta);
    mainland.push([r * Math.cos(theta), r * Math.sin(theta)]);
  }
  const islandAngle = -0.55;
  const islandDistance = radius(islandAngle) + 5.5;
  const islandCentre: XY = [islandDistance * Math.cos(islandAngle), islandDistance * Math.sin(islandAngle)];
  const island: XY[] = [];
  const islandPhase = rand() * 2 * Math.PI;
  for (let i = 0; i < 48; i++) {
    const theta = (i / 48) * 2 * Math.PI;
    const r = 1 + 0.12 * Math.sin(3 * theta + islandPhase) + 0.05 * Math.sin(7 * theta);
    island.push([islandCentre[0] + 2.4 * r * Math.cos(theta), islandCentre[1] + 1.5 * r * Math.sin(theta)]);
  }
  return { mainland, island, islandCentre };
}

interface Town {
  name: string;
  centre: XY;
  spreadKm: number;
  practices: number;
  healthCentre: number;
  large: number;
}

const TOWNS: readonly Town[] = [
  { name: 'Doggerport', centre: [5.5, -0.5], spreadKm: 2.3, practices: 30, healthCentre: 3, large: 2 },
  { name: 'Marlhaven', centre: [-9, 5], spreadKm: 1.7, practices: 18, healthCentre: 2, large: 1 },
  { name: 'Kelderwick', centre: [-4, -7.5], spreadKm: 1.6, practices: 15, healthCentre: 2, large: 1 },
  { name: 'Easterby Fen', centre: [11, -6.5], spreadKm: 1.2, practices: 10, healthCentre: 0, large: 0 },
];
const VILLAGES = [
  'Ashreach',
  'Brinholt',
  'Cranmoor End',
  'Duneley',
  'Fennick',
  'Gorsebridge',
  'Hollinsea',
  'Idlethorpe',
  'Juniper Staith',
  'Kestle Green',
  'Lowmarsh',
  'Mossford',
] as const;
const STREETS = [
  'Harbour',
  'Mill Lane',
  'Church Street',
  'Station Road',
  'Quayside',
  'Market Place',
  'Bridge Street',
  'Orchard',
  'High Street',
  'Beacon',
  'Saltings',
  'Riverside',
  'Fen Road',
  'Castle Hill',
  'Marsh Lane',
  'Park View',
  'Tideway',
  'Windmill',
  'Dyke Road',
  'Gull Rock',
  'Abbey Road',
  'Meadow',
  'Cliff Top',
  'Ferry Lane',
] as const;

interface DemoPractice {
  code: string;
  name: string;
  x: number;
  y: number;
  listSize: number;
  place: string;
  site: number;
}

function makePractices(rand: () => number, mainland: readonly XY[], islandCentre: XY): DemoPractice[] {
  const onLand = (p: XY) => insideRing(p, mainland);
  const out: Omit<DemoPractice, 'code' | 'site'>[] = [];
  const streetUse = new Map<string, number>();
  const nameFor = (place: string, kind: 'town' | 'village' | 'centre') => {
    if (kind === 'village') return `${place} Surgery`;
    if (kind === 'centre')
      return `${place} Health Centre Practice ${String.fromCharCode(65 + (streetUse.get(`${place}#hc`) ?? 0))}`;
    const street = STREETS[Math.floor(rand() * STREETS.length)];
    const key = `${place} ${street}`;
    const n = (streetUse.get(key) ?? 0) + 1;
    streetUse.set(key, n);
    return n === 1 ? `${street} Surgery, ${place}` : `${street} Medical Practice ${n}, ${place}`;
  };
  const townSize = () =>
    Math.round(Math.min(24_000, Math.max(2_400, 8_600 * Math.exp(0.42 * gaussian(rand)))) / 10) * 10 +
    Math.floor(rand() * 10);
  for (const town of TOWNS) {
    let large = town.large;
    for (let i = 0; i < town.healthCentre; i++) {
      streetUse.set(`${town.name}#hc`, i);
      out.push({
        name: nameFor(town.name, 'centre'),
        x: town.centre[0] + 0.3,
        y: town.centre[1] + 0.2,
        listSize: townSize(),
        place: town.name,
      });
    }
    for (let i = town.healthCentre; i < town.practices; i++) {
      let p: XY;
      do p = [town.centre[0] + town.spreadKm * gaussian(rand), town.centre[1] + town.spreadKm * gaussian(rand)];
      while (!onLand(p) || Math.hypot(p[0] - town.centre[0] - 0.3, p[1] - town.centre[1] - 0.2) < 0.3);
      const listSize = large-- > 0 ? 25_500 + Math.floor(rand() * 8_500) : townSize();
      out.push({ name: nameFor(town.name, 'town'), x: round3(p[0]), y: round3(p[1]), listSize, place: town.name });
    }
  }
  const villageSize = () => Math.max(1_450, Math.round(3_600 * Math.exp(0.38 * gaussian(rand))));
  for (const village of VILLAGES) {
    let p: XY;
    do p = [(rand() * 2 - 1) * 19, (rand() * 2 - 1) * 14];
    while (
      !onLand(p) ||
      TOWNS.some((t) => Math.hypot(p[0] - t.centre[0], p[1] - t.centre[1]) < 4.5) ||
      out.some(
        (q) =>
          q.place !== village &&
          VILLAGES.includes(q.place as (typeof VILLAGES)[number]) &&
          Math.hypot(p[0] - q.x, p[1] - q.y) < 3,
      )
    );
    out.push({
      name: nameFor(village, 'village'),
      x: round3(p[0]),
      y: round3(p[1]),
      listSize: villageSize(),
      place: village,
    });
  }
  out.push({
    name: 'Skerry Island Surgery',
    x: round3(islandCentre[0]),
    y: round3(islandCentre[1]),
    listSize: 1_480 + Math.floor(rand() * 400),
    place: 'Skerry Island',
  });

  const siteKey = new Map<string, number>();
  return out.map((p, i) => {
    const key = `${p.x},${p.y}`;
    if (!siteKey.has(key)) siteKey.set(key, siteKey.size);
    return { ...p, code: `Z9${String(i + 1).padStart(4, '0')}`, site: siteKey.get(key)! };
  });
}
const round3 = (v: number) => Math.round(v * 1000) / 1000;

interface Plan {
  id: string;
  name: string;
  place: string;
  targetMin: number;
  targetMax: number;
}

/** Partial assignment: networks grown over the site adjacency graph from seeds in each town. */
const PLANS: readonly Plan[] = [
  { id: 'ZN01', name: 'Doggerport Harbour PCN', place: 'Doggerport', targetMin: 40_000, targetMax: 50_000 },
  { id: 'ZN02', name: 'Doggerport Riverside PCN', place: 'Doggerport', targetMin: 40_000, targetMax: 50_000 },
  { id: 'ZN03', name: 'Doggerport Central PCN', place: 'Doggerport', targetMin: 56_000, targetMax: 66_000 },
  { id: 'ZN04', name: 'Doggerport West PCN', place: 'Doggerport', targetMin: 40_000, targetMax: 50_000 },
  { id: 'ZN05', name: 'Doggerport East PCN', place: 'Doggerport', targetMin: 38_000, targetMax: 50_000 },
  { id: 'ZN12', name: 'Doggerport North PCN', place: 'Doggerport', targetMin: 38_000, targetMax: 50_000 },
  { id: 'ZN06', name: 'Marlhaven PCN', place: 'Marlhaven', targetMin: 38_000, targetMax: 50_000 },
  { id: 'ZN07', name: 'Marlhaven and Moors PCN', place: 'Marlhaven', targetMin: 36_000, targetMax: 50_000 },
  { id: 'ZN08', name: 'Kelderwick PCN', place: 'Kelderwick', targetMin: 40_000, targetMax: 50_000 },
  { id: 'ZN09', name: 'Kelderwick South PCN', place: 'Kelderwick', targetMin: 36_000, targetMax: 50_000 },
  { id: 'ZN10', name: 'Easterby Fen PCN', place: 'Easterby Fen', targetMin: 40_000, targetMax: 50_000 },
];

const RURAL_ID = 'ZN11';

function assignNetworks(practices: readonly DemoPractice[], mainland: readonly XY[]): Map<string, string> {
  const siteCount = Math.max(...practices.map((p) => p.site)) + 1;
  const sitePractices: DemoPractice[][] = Array.from({ length: siteCount }, () => []);
  for (const p of practices) sitePractices[p.site].push(p);
  const siteXY: [number, number][] = sitePractices.map((ps) => [ps[0].x, ps[0].y]);
  const sitePop = sitePractices.map((ps) => ps.reduce((s, p) => s + p.listSize, 0));
  // Neighbours: Delaunay edges whose segment stays on land, so no network jumps the estuary.
  const delaunay = Delaunay.from(siteXY);
  const neighbours = siteXY.map((a, i) =>
    [...delaunay.neighbors(i)]
      .filter((j) => {
        const b = siteXY[j];
        return [0.25, 0.5, 0.75].every((t) =>
          insideRing([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], mainland),
        );
      })
      .sort((x, y) => x - y),
  );
  const owner = new Int32Array(siteCount).fill(-1);
  const sweep = (s: number) => siteXY[s][0] + 0.35 * siteXY[s][1];

  PLANS.forEach((plan, n) => {
    const inTown = (s: number) => owner[s] === -1 && sitePractices[s][0].place === plan.place;
    const candidates = [...Array(siteCount).keys()].filter(inTown);
    const touching = candidates.filter((s) =>
      neighbours[s].some((t) => owner[t] !== -1 && sitePractices[t][0].place === plan.place),
    );
    // A town's first network grows from its health centre, the rest from the edge of those before.
    const healthCentre = candidates.find((s) => sitePractices[s].length > 1);
    const seed = touching.length
      ? touching.sort((a, b) => sweep(a) - sweep(b))[0]
      : (healthCentre ?? candidates.sort((a, b) => sweep(a) - sweep(b))[0]);
    owner[seed] = n;
    let pop = sitePop[seed];
    const members = [seed];
    while (pop < plan.targetMin) {
      const frontier = [...new Set(members.flatMap((m) => neighbours[m]))].filter(
        (s) => inTown(s) && pop + sitePop[s] <= plan.targetMax,
      );
      if (!frontier.length) break;
      const dist = (s: number) => Math.hypot(siteXY[s][0] - siteXY[seed][0], siteXY[s][1] - siteXY[seed][1]);
      const next = frontier.sort((a, b) => dist(a) - dist(b) || a - b)[0];
      owner[next] = n;
      members.push(next);
      pop += sitePop[next];
    }
  });

  const assignment = new Map<string, string>();
  for (let s = 0; s < siteCount; s++)
    if (owner[s] >= 0) for (const p of sitePractices[s]) assignment.set(p.code, PLANS[owner[s]].id);
  // Below band: two neighbouring villages form a small rural network.
  const villageSites = [...Array(siteCount).keys()].filter((s) =>
    VILLAGES.includes(sitePractices[s][0].place as (typeof VILLAGES)[number]),
  );
  const ruralSeed = villageSites.sort((a, b) => sweep(a) - sweep(b))[0];
  const ruralPartner = neighbours[ruralSeed].filter((s) => villageSites.includes(s) && owner[s] === -1)[0];
  for (const s of [ruralSeed, ruralPartner]) for (const p of sitePractices[s]) assignment.set(p.code, RURAL_ID);
  // Non-contiguous: Marlhaven PCN (ZN06) also holds the farthest village practice, a detached member.
  const marl = siteXY[practices.find((p) => p.place === 'Marlhaven')!.site];
  const farVillage = villageSites
    .filter((s) => owner[s] === -1 && s !== ruralPartner)
    .sort(
      (a, b) =>
        Math.hypot(siteXY[b][0] - marl[0], siteXY[b][1] - marl[1]) -
        Math.hypot(siteXY[a][0] - marl[0], siteXY[a][1] - marl[1]),
    )[0];
  for (const p of sitePractices[farVillage]) assignment.set(p.code, 'ZN06');
  // Shared-site conflict: the last practice of an assigned health centre joins another network
  // of the same town that stays within 50,000.
  const hc = sitePractices.find((ps) => ps.length >= 2 && assignment.has(ps[0].code))!;
  const hcNetwork = assignment.get(hc[0].code);
  const moved = hc[hc.length - 1];
  const networkPop = (id: string) =>
    practices.reduce((s, p) => s + (assignment.get(p.code) === id ? p.listSize : 0), 0);
  const other = PLANS.find(
    (p) => p.place === moved.place && p.id !== hcNetwork && networkPop(p.id) + moved.listSize <= 50_000,
  )!;
  assignment.set(moved.code, other.id);
  return assignment;
}

const NETWORK_NAMES = new Map<string, string>([
  ...PLANS.map((p) => [p.id, p.name] as const),
  [RURAL_ID, 'Fenland Villages PCN'],
]);

export function makeDemoData(seed = DEMO_SEED): Record<string, string> {
  const rand = makeRandom(seed);
  const { mainland, island, islandCentre } = makeLand(rand);
  const practices = makePractices(rand, mainland, islandCentre);
  const assignment = assignNetworks(practices, mainland);
  const closed = (ring: readonly XY[]) => [...ring, ring[0]].map((p) => toLonLat(p).map(round6));

  const boundary = {
    type: 'FeatureCollection',
    name: DEMO_NAME,
    source: DEMO_SOURCE,
    features: [
      {
        type: 'Feature',
        properties: { name: DEMO_NAME, source: DEMO_SOURCE, synthetic: true },
        geometry: { type: 'MultiPolygon', coordinates: [[closed(mainland)], [closed(island)]] },
      },
    ],
  };
  const rows = practices.map((p) => {
    const [lon, lat] = toLonLat([p.x, p.y]).map(round6);
    const network = assignment.get(p.code) ?? '';
    return { ...p, lon, lat, network, networkName: network ? NETWORK_NAMES.get(network)! : '' };
  });
  const features = rows.map((r) =>
    JSON.stringify({
      type: 'Feature',
      properties: {
        practice_code: r.code,
        practice_name: r.name,
        registered_patients: r.listSize,
        pcn_code: r.network,
        pcn_name: r.networkName,
        synthetic: true,
      },
      geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    }),
  );
  const practicesGeoJSON = `{"type":"FeatureCollection","name":${JSON.stringify(DEMO_NAME)},"source":${JSON.stringify(DEMO_SOURCE)},"features":[\n${features.join(',\n')}\n]}\n`;
  const csv = (cells: readonly (string | number | boolean)[]) =>
    cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
  const practicesCsv =
    [
      csv([
        'practice_code',
        'practice_name',
        'longitude',
        'latitude',
        'registered_patients',
        'pcn_code',
        'pcn_name',
        'synthetic',
      ]),
      ...rows.map((r) =>
        csv([r.code, r.name, r.lon.toFixed(6), r.lat.toFixed(6), r.listSize, r.network, r.networkName, true]),
      ),
    ].join('\n') + '\n';
  const assignmentCsv =
    [
      csv(['practice_code', 'network_id', 'network_name', 'synthetic']),
      ...rows.filter((r) => r.network).map((r) => csv([r.code, r.network, r.networkName, true])),
    ].join('\n') + '\n';
  return {
    'demo-boundary.geojson': JSON.stringify(boundary) + '\n',
    'demo-practices.geojson': practicesGeoJSON,
    'demo-practices.csv': practicesCsv,
    'demo-assignment.csv': assignmentCsv,
  };
}

function main(): void {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
  mkdirSync(dataDir, { recursive: true });
  for (const [name, text] of Object.entries(makeDemoData())) {
    writeFileSync(path.join(dataDir, name), text);
    console.log(`wrote data/${name} (${text.length} bytes)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
