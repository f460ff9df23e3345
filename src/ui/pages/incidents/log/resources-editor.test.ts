// The "Resources assigned" rows: read from the stored list, stored trimmed without blank rows, and the
// rows that still need a name found.
import { describe, expect, it } from 'vitest';
import { activityLogKind } from '../../../../domain/incidents/incident-kinds';
import { validateFields } from '../../../../domain/sync';
import { namelessRows, resourceRows, storedResources } from './resources-editor';

describe('resource rows', () => {
  it('round-trips through the stored form, which the activity log kind accepts', () => {
    const rows = [
      { name: ' Engine 3 ', position: 'Strike team', agency: '' },
      { name: '', position: '', agency: '' },
      { name: 'Ana Ruiz', position: 'Shelter manager', agency: 'Red Cross' },
    ];
    const stored = storedResources(rows);
    expect(stored).toEqual([
      { name: 'Engine 3', position: 'Strike team' },
      { name: 'Ana Ruiz', position: 'Shelter manager', agency: 'Red Cross' },
    ]);
    expect(resourceRows(stored)).toEqual([
      { name: 'Engine 3', position: 'Strike team', agency: '' },
      { name: 'Ana Ruiz', position: 'Shelter manager', agency: 'Red Cross' },
    ]);
    const fields = {
      incidentId: '00000000-0000-7000-8000-000000000001',
      periodId: '00000000-0000-7000-8000-000000000002',
      name: 'EOC',
      resources: stored,
    };
    expect(validateFields(activityLogKind, fields, { op: 'create' })).toEqual([]);
  });

  it('flags rows with details but no name', () => {
    expect(
      namelessRows([
        { name: 'A', position: '', agency: '' },
        { name: ' ', position: 'Driver', agency: '' },
        { name: '', position: '', agency: '' },
      ]),
    ).toEqual([1]);
    expect(resourceRows(null)).toEqual([]);
  });
});
