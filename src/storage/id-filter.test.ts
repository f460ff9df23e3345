import { describe, expect, it } from 'vitest';
import { deterministicUuid } from '../domain/sync/record-id';
import { idFilter } from './id-filter';

describe('idFilter', () => {
  it('never calls an added id absent, and rarely calls another one present', () => {
    const added = Array.from({ length: 50_000 }, (_, i) => deterministicUuid('permit-import', 'pw', i));
    const filter = idFilter(added.length);
    for (const id of added) filter.add(id);
    expect(added.every((id) => filter.mayHave(id))).toBe(true);
    // Ids of both shapes the device holds: derived (v8) and made on a device (v7).
    const others = [
      ...Array.from({ length: 20_000 }, (_, i) => deterministicUuid('permit-import', 'pw', `other-${i}`)),
      // Made one after another on a device: the same time prefix, the tail counting up.
      ...Array.from(
        { length: 20_000 },
        (_, i) => `01950000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      ),
    ];
    const wrong = others.filter((id) => filter.mayHave(id)).length;
    expect(wrong / others.length).toBeLessThan(0.01);
  });

  it('stays correct when it holds far more ids than it was sized for, only less selective', () => {
    const filter = idFilter(10);
    const ids = Array.from({ length: 5_000 }, (_, i) => deterministicUuid('many', i));
    for (const id of ids) filter.add(id);
    expect(ids.every((id) => filter.mayHave(id))).toBe(true);
  });

  it('holds nothing at first', () => {
    const filter = idFilter(0);
    expect(filter.mayHave(deterministicUuid('none'))).toBe(false);
    expect(filter.mayHave('')).toBe(false);
  });
});
