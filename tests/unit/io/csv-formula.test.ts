import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardFormula, unguardFormula } from '../../../src/core/io/csv-formula';
import { readCsv } from '../../../src/core/io/csv-read';
import { csvField, toCsv } from '../../../src/core/io/csv-write';
import { IssueLog } from '../../../src/core/io/issues';
import { parseAssignment } from '../../../src/core/io/parse-assignment';
import { toAssignmentCsv } from '../../../src/core/io/to-assignment-csv';
import { networkId, practiceCode, type Practice } from '../../../src/core/model';
import { valueOf } from './helpers';

describe('CSV formula injection guard', () => {
  it('writes text a spreadsheet would run as a formula with a leading apostrophe, so it shows as text', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+44 161 000')).toBe("'+44 161 000");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(toCsv(['network_name'], [['=cmd|x']])).toBe("network_name\n'=cmd|x\n");
  });

  it('leaves numbers and ordinary text alone', () => {
    for (const v of ['-2.2417', '-0.5', '+3', '1e-6', 'Practice - East', "O'Brien Surgery", 'N1'])
      expect(csvField(v)).toBe(v);
    expect(csvField(-2.2417)).toBe('-2.2417');
  });

  it('reads back what it wrote, apostrophes in the original included', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '1', '.', 'e', 'a', ' ') });
    fc.assert(
      fc.property(text, (s) => {
        expect(unguardFormula(guardFormula(s))).toBe(s);
        const table = readCsv(toCsv(['h'], [[s]]), new IssueLog('t.csv'));
        if (s.trim() !== '') expect(table?.rows[0].cells[0]).toBe(s);
      }),
    );
  });

  it('an assignment with a formula-like network name exports guarded and reads back as the same name', () => {
    const practices: Practice[] = [{ code: practiceCode('P1'), name: '=Practice', listSize: 10, lon: -2, lat: 53 }];
    const csv = toAssignmentCsv(practices, new Map([[practices[0].code, networkId('N1')]]), [
      { id: networkId('N1'), name: '@North' },
    ]);
    expect(csv.split('\n')[1]).toBe("P1,'=Practice,10,N1,'@North");
    const back = valueOf(parseAssignment(csv, 'a.csv', practices));
    expect(back.networks).toEqual([{ id: 'N1', name: '@North' }]);
  });
});
