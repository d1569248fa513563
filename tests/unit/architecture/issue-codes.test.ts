// Code decides what to do with a finding by its code, never by its message text, which is for people.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IssueLog } from '../../../src/core/io/issues';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `.test(x.message)`, `x.message.includes(`, `.startsWith(`, `.endsWith(`, `.match(`, `.search(`. */
const MATCHING_MESSAGE = /\.test\(\s*[\w.?]*message\s*\)|\bmessage\??\.(includes|startsWith|endsWith|match|search)\(/;

describe('issue codes', () => {
  it('no source file matches a finding by its message text', () => {
    const offenders = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .flatMap((e) => {
        const file = path.join(e.parentPath, e.name);
        return readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, i) => (MATCHING_MESSAGE.test(line) ? [`${path.relative(root, file)}:${i + 1}`] : []));
      })
      // MapLibre's own errors (not findings) carry no code; the map tells tile failures by their text.
      .filter((where) => !where.startsWith(`src${path.sep}map${path.sep}`));
    expect(offenders).toEqual([]);
  });

  it('every finding of a log carries its code, the "…and N more" lines too', () => {
    const log = new IssueLog('p.csv', 2, 3);
    for (let i = 0; i < 4; i++) log.warning('noNetwork', { where: `line ${i + 2}` }, 'no network');
    log.warning('zeroListSize', { where: 'line 9' }, 'list size 0');
    log.warning('zeroListSize', { where: 'line 10' }, 'list size 0');
    expect(log.warnings().map((w) => [w.code, w.omitted ?? null, w.message])).toEqual([
      ['noNetwork', null, 'p.csv line 2: no network'],
      ['noNetwork', null, 'p.csv line 3: no network'],
      ['zeroListSize', null, 'p.csv line 9: list size 0'],
      ['noNetwork', 2, 'p.csv: …and 2 more practices with no network'],
      ['moreIssues', 1, 'p.csv: …and 1 more warnings'],
    ]);
  });
});
