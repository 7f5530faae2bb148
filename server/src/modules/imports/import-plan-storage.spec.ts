import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './import-file-parser';
import { planImport, restoredPlan, storedPlan } from './import-planner';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('a dry run’s stored plan', () => {
  it('comes back as the planner made it, its rows found again in the stored files, and holds no copy of them', async () => {
    const files = [await parseImportFile(fixture('onde-eleves.csv'), 'eleves.csv'), await parseImportFile(fixture('onde-responsables.csv'), 'responsables.csv')];
    const { actions } = planImport({ schoolId: 's', schoolName: 'École', files, classes: [], pupils: [], relatives: [], pupilsByIne: new Map(), relativesByContact: [] });
    expect(actions.pupils.length).toBeGreaterThan(0);
    expect(actions.guardians.length).toBeGreaterThan(0);

    const stored = JSON.stringify(storedPlan(actions));
    expect(restoredPlan(JSON.parse(stored), throughJson(files))).toEqual({ ...throughJson(actions), classes: actions.classes });
    const address = files[1].guardians[0].address;
    expect(address).toBeTruthy();
    expect(stored).not.toContain(JSON.stringify(address));
  });

  it('stored before rows were left out, keeps its own rows', async () => {
    const files = [await parseImportFile(fixture('onde-eleves.csv'), 'eleves.csv')];
    const { actions } = planImport({ schoolId: 's', schoolName: 'École', files, classes: [], pupils: [], relatives: [], pupilsByIne: new Map(), relativesByContact: [] });
    const older = { ...actions, classes: { ...actions.classes, byKey: [...actions.classes.byKey] } };
    expect(restoredPlan(throughJson(older), [])).toEqual({ ...throughJson(actions), classes: actions.classes });
  });
});
