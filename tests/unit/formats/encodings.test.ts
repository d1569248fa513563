// Text encodings (issue 9 item 5): a Windows-1252 CSV (Excel's "CSV") is decoded and said so;
// bytes that are neither UTF-8 nor Windows-1252 are refused naming the problem; outputs are UTF-8.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { decodeText } from '../../../src/core/io/decode-text';

let dir: string;
let err: string[];
let io: CliIO;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pcn-enc-'));
  err = [];
  io = { stdout: () => {}, stderr: (t) => void err.push(t), cwd: dir };
});

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const csv =
  'practice_code,practice_name,registered_patients,longitude,latitude,pcn_code\r\nP1,Clinique Médicale,30000,-2.2,53.4,N1\r\nP2,Cabinet Dupré,12000,-2.1,53.5,N1\r\n';

describe('input encodings', () => {
  it('a Windows-1252 CSV is decoded, with a warning naming the encoding, and written back as UTF-8', async () => {
    writeFileSync(path.join(dir, 'p.csv'), latin1(csv));
    const code = await run(
      [
        'footprints',
        '--practices',
        'p.csv',
        '--network-field',
        'pcn_code',
        '--out',
        'n.geojson',
        '--assignment-out',
        'a.csv',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(err.join('')).toContain(
      'warning: p.csv: is not UTF-8 text; read as Windows-1252, the encoding Excel uses for CSV (first non-UTF-8 character on line 2: "P1,Clinique Médicale,30000,-2.2,53.4,N1"); outputs are written as UTF-8',
    );
    const out = readFileSync(path.join(dir, 'a.csv'));
    expect(out.toString('utf8')).toContain('P1,Clinique Médicale,30000,N1,N1');
    expect(out.toString('utf8')).not.toContain('\uFFFD');
  });

  it('bytes that are neither UTF-8 nor Windows-1252 are refused naming the encoding problem; nothing is written', async () => {
    writeFileSync(
      path.join(dir, 'p.csv'),
      Buffer.concat([latin1(csv), Buffer.from([0x50, 0x33, 0x2c, 0x81, 0x0d, 0x0a])]),
    );
    expect(
      await run(['footprints', '--practices', 'p.csv', '--network-field', 'pcn_code', '--out', 'n.geojson'], io),
    ).toBe(1);
    expect(err.join('')).toContain(
      'error: p.csv line 4: is not UTF-8 text (byte 0x81 is not valid UTF-8) and not Windows-1252 either; save it as "CSV UTF-8"',
    );
    expect(readdirSync(dir)).toEqual(['p.csv']);
  });

  it('UTF-8 with or without a byte-order mark, and UTF-16 with one, read unchanged', () => {
    const text = 'a,b\nÉcole,ß\n';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    ]) {
      const r = decodeText(bytes, 'x.csv');
      expect(r).toEqual({ ok: true, value: text, warnings: [] });
    }
  });
});
