import { describe, expect, it } from 'vitest';
import type { ExistingPupil, ExistingRelative } from './school-snapshot';
import { snapshotFingerprint, type SchoolSnapshot } from './snapshot-fingerprint';

const pupil = (id: string, classIds: string[], lastName = 'MARTIN'): ExistingPupil => ({
  id, firstName: 'Léa', lastName, firstKey: 'lea', lastKey: lastName.toLowerCase(), birthDate: '2017-03-02', externalId: null, classIds, absent: false, elsewhere: false,
});
const relative = (id: string, childIds: string[], email: string | null): ExistingRelative => ({
  id, firstName: 'Marc', lastName: "N'GUESSAN", firstKey: 'marc', lastKey: 'nguessan', email, mobile: null, activated: false, childIds, addressKey: null, absent: false,
});
const snapshot = (parts: Partial<SchoolSnapshot>): SchoolSnapshot => ({ classes: [], pupils: [], relatives: [], elsewhere: [], byContact: [], ...parts });

describe('snapshotFingerprint', () => {
  it('does not depend on the order SQL returned rows, array items or columns in', () => {
    const a = snapshot({ pupils: [pupil('p1', ['c1', 'c2']), pupil('p2', [])], relatives: [relative('r1', ['p1', 'p2'], 'a@example.org')] });
    const reversedColumns = Object.fromEntries(Object.entries(pupil('p2', [])).reverse()) as unknown as ExistingPupil;
    const b = snapshot({ pupils: [reversedColumns, pupil('p1', ['c2', 'c1'])], relatives: [relative('r1', ['p2', 'p1'], 'a@example.org')] });
    expect(snapshotFingerprint(b)).toBe(snapshotFingerprint(a));
  });

  it('changes with any value, a row added, a link, or a row moved to another list', () => {
    const base = snapshot({ pupils: [pupil('p1', ['c1'])], relatives: [relative('r1', ['p1'], null)] });
    const variants = [
      snapshot({ pupils: [pupil('p1', ['c1'], 'MARTÍN')], relatives: [relative('r1', ['p1'], null)] }),
      snapshot({ pupils: [pupil('p1', ['c1', 'c2'])], relatives: [relative('r1', ['p1'], null)] }),
      snapshot({ pupils: [pupil('p1', ['c1'])], relatives: [relative('r1', ['p1'], 'marc@example.org')] }),
      snapshot({ pupils: [pupil('p1', ['c1']), pupil('p2', [])], relatives: [relative('r1', ['p1'], null)] }),
      snapshot({ pupils: [pupil('p1', ['c1'])], relatives: [relative('r1', [], null)] }),
      snapshot({ pupils: [pupil('p1', ['c1'])], byContact: [relative('r1', ['p1'], null)] }),
    ];
    const prints = new Set([base, ...variants].map(snapshotFingerprint));
    expect(prints.size).toBe(variants.length + 1);
  });
});
