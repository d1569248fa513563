import { describe, expect, it } from 'vitest';
import { assignmentFromTable } from '../../../src/core/io/assignment-from-table';
import { parseAssignment } from '../../../src/core/io/parse-assignment';
import { parsePractices } from '../../../src/core/io/parse-practices';
import { toAssignmentCsv } from '../../../src/core/io/to-assignment-csv';
import { networkId, practiceCode, type Practice } from '../../../src/core/model';
import { errorsOf, messages, readFixture, valueOf } from './helpers';

const practices: Practice[] = ['P1', 'P2', 'P3', 'P4'].map((c, i) => ({
  code: practiceCode(c),
  name: `Practice ${c}`,
  listSize: 1000 * (i + 1),
  lon: -2 - i / 10,
  lat: 53 + i / 10,
}));

describe('parseAssignment', () => {
  it('reads practice_code,network_id,network_name with any header case, names from the first row that has one', () => {
    const r = parseAssignment(
      'Practice_Code,NETWORK_ID,Network_Name\nP1,N1,\nP2,N1,North\nP3,N2,South\nP4,,\n',
      'a.csv',
      practices,
    );
    const v = valueOf(r);
    expect([...v.assignment]).toEqual([
      ['P1', 'N1'],
      ['P2', 'N1'],
      ['P3', 'N2'],
    ]);
    expect(v.networks).toEqual([
      { id: 'N1', name: 'North' },
      { id: 'N2', name: 'South' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('accepts pcn_code/pcn_name headers and treats "U" as no network', () => {
    const v = valueOf(parseAssignment('pcn_code,practice_code\nN1,P1\nU,P2\n', 'a.csv', practices));
    expect([...v.assignment]).toEqual([['P1', 'N1']]);
  });

  it('reads a file with no header when its first cell is a known practice code', () => {
    const v = valueOf(parseAssignment('P1,N1,North\nP2,N2\n', 'a.csv', practices));
    expect([...v.assignment]).toEqual([
      ['P1', 'N1'],
      ['P2', 'N2'],
    ]);
    expect(v.networks).toEqual([
      { id: 'N1', name: 'North' },
      { id: 'N2', name: 'N2' },
    ]);
  });

  it('warns about unknown practices, repeated rows, name conflicts and practices not in the file', () => {
    const r = parseAssignment(
      'practice_code,network_id,network_name\nP1,N1,North\nZZ9,N1,North\nP1,N1,North\nP2,N1,Nord\n',
      'a.csv',
      practices,
    );
    expect([...valueOf(r).assignment]).toEqual([
      ['P1', 'N1'],
      ['P2', 'N1'],
    ]);
    expect(messages(r.warnings)).toEqual([
      'a.csv line 3 (ZZ9): practice ZZ9 is not in the practice table; row ignored',
      'a.csv line 4 (P1): practice P1 is listed again (first at line 2); row ignored',
      'a.csv line 5 (P2): network N1 is named "Nord" here but "North" at line 2; kept "North"',
      'a.csv: 2 of 4 practices are not in this file and stay unassigned (P3, P4)',
    ]);
  });

  it('errors: a practice given two networks, a missing code, no recognisable columns', () => {
    expect(errorsOf(parseAssignment('practice_code,network_id\nP1,N1\n,N2\nP1,N2\n', 'a.csv', practices))).toEqual([
      'a.csv line 3: practice code is missing',
      'a.csv line 4 (P1): practice P1 is given network "N2" here but "N1" at line 2',
    ]);
    expect(errorsOf(parseAssignment('code,size\nX,3\n', 'a.csv', practices))).toEqual([
      'a.csv: has no practice code and network id columns; expected a header such as practice_code,network_id,network_name (found: code, size)',
    ]);
    expect(errorsOf(parseAssignment('', 'a.csv', practices))).toEqual(['a.csv: file is empty']);
  });

  it('reads back what toAssignmentCsv writes, and mutates nothing', () => {
    const assignment = new Map([
      [practiceCode('P1'), networkId('N1')],
      [practiceCode('P3'), networkId('N2')],
    ]);
    const networks = [
      { id: networkId('N1'), name: 'North, "upper"' },
      { id: networkId('N2'), name: 'South\nline two' },
    ];
    const before = structuredClone({ practices, assignment, networks });
    const text = toAssignmentCsv(practices, assignment, networks);
    expect(text).toBe(
      'practice_code,practice_name,population,network_id,network_name\n' +
        'P1,Practice P1,1000,N1,"North, ""upper"""\nP2,Practice P2,2000,,\nP3,Practice P3,3000,N2,"South\nline two"\nP4,Practice P4,4000,,\n',
    );
    const v = valueOf(parseAssignment(text, 'a.csv', practices));
    expect(v.assignment).toEqual(assignment);
    expect(v.networks).toEqual(networks);
    expect({ practices, assignment, networks }).toEqual(before);
  });
});

describe('assignmentFromTable', () => {
  it('takes the networks of the practice file in order of first appearance', () => {
    const table = valueOf(parsePractices(readFixture('practices-small.csv'), 'p.csv'));
    const before = structuredClone(table);
    const { assignment, networks } = assignmentFromTable(table);
    expect([...assignment]).toEqual([
      ['P1', 'N1'],
      ['P2', 'N1'],
      ['P3', 'N2'],
    ]);
    expect(networks).toEqual([
      { id: 'N1', name: 'North PCN' },
      { id: 'N2', name: 'South PCN' },
    ]);
    expect(table).toEqual(before);
  });

  it('is empty without a network field', () => {
    const table = valueOf(parsePractices('code,patients,lon,lat\nP1,5,-2,53\n', 'p.csv'));
    expect(assignmentFromTable(table)).toEqual({ assignment: new Map(), networks: [] });
  });
});
