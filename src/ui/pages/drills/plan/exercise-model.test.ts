import { describe, expect, it } from 'vitest';
import { validateFields } from '../../../../domain/sync/record-kinds';
import { exerciseKind } from '../../../../domain/drills/drill-kinds';
import { EXERCISE_TEMPLATES, templateFields } from '../../../../domain/drills/templates';
import { canPlan, draftErrors, draftFields, draftOf, emptyDraft, moveRow, nextRowId } from './exercise-model';

describe('exercise form model', () => {
  it('lets managers and admins plan, no one else', () => {
    expect(canPlan('manager')).toBe(true);
    expect(canPlan('admin')).toBe(true);
    for (const role of ['clerk', 'field', 'viewer', undefined] as const) expect(canPlan(role)).toBe(false);
  });

  it('reads a template exercise into a draft and writes the same fields back', () => {
    const fields = templateFields(EXERCISE_TEMPLATES[0]!, 'en', { startDate: '2026-03-02' });
    const draft = draftOf(fields);
    expect(draft.modules[1]!.start).toBe('T+01:00');
    const back = draftFields(draft);
    expect(back.objectives).toEqual(fields.objectives);
    expect(back.modules).toEqual(fields.modules);
    expect(draftErrors(draft)).toEqual([]);
    expect(validateFields(exerciseKind, { ...fields, ...back }, { op: 'create' })).toEqual([]);
  });

  it('places errors next to their field or row part', () => {
    const draft = {
      ...emptyDraft(''),
      endDate: '2026-01-01',
      objectives: [{ id: 'o1', text: ' ', capability: 'Planning' }],
      modules: [{ id: 'm1', title: 'One', start: 'noon', summary: '' }],
      participants: [{ key: 'p1', name: '', username: 'omar', role: 'player' as const, organization: '' }],
    };
    const places = draftErrors(draft).map((e) => [JSON.stringify(e.place), e.key]);
    expect(places).toEqual(
      expect.arrayContaining([
        ['{"at":"field","field":"name"}', 'drillsPlan.error.required'],
        ['{"at":"field","field":"startDate"}', 'drillsPlan.error.required'],
        ['{"at":"row","list":"objectives","id":"o1","part":"text"}', 'drillsPlan.error.objective'],
        ['{"at":"row","list":"modules","id":"m1","part":"start"}', 'drillsPlan.error.moduleStart'],
        ['{"at":"row","list":"participants","id":"p1","part":"name"}', 'drillsPlan.error.participantName'],
      ]),
    );
    const order = draftErrors({ ...draft, name: 'X', startDate: '2026-02-01' });
    expect(order.map((e) => e.key)).toContain('drillsPlan.error.dateOrder');
  });

  it('moves rows and finds free ids', () => {
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(nextRowId('o', ['o1', 'o3'])).toBe('o2');
  });
});
