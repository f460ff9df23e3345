// Exercise mode writes exercise material only: drills records, exercise incidents, call-downs and
// checklists and what belongs to them; new incidents, call-downs and checklists become exercise ones;
// real records (and entries of real incidents) are refused in words.
import { describe, expect, it } from 'vitest';
import { guardExerciseWrite } from './exercise-guard';

const real = { fields: { exercise: false } };
const drill = { fields: { exercise: true } };

describe('the exercise guard', () => {
  it("lets the drills' own records and exercise material through", () => {
    expect(guardExerciseWrite({ kind: 'inject_event', fields: {}, create: true }, null)).toEqual({
      ok: true,
    });
    expect(
      guardExerciseWrite({ kind: 'log_entry', fields: { incidentId: 'x' }, create: true }, drill),
    ).toEqual({
      ok: true,
    });
    expect(guardExerciseWrite({ kind: 'incident', fields: { exercise: true }, create: false }, null)).toEqual(
      {
        ok: true,
      },
    );
  });

  it('makes a new incident, call-down or checklist an exercise one', () => {
    for (const kind of ['incident', 'calldown_run', 'checklist_run'])
      expect(guardExerciseWrite({ kind, fields: { exercise: false }, create: true }, null)).toEqual({
        ok: true,
        set: { exercise: true },
      });
  });

  it('refuses real records and what belongs to them, saying why', () => {
    const refusals = [
      guardExerciseWrite({ kind: 'incident', fields: { exercise: false }, create: false }, null),
      guardExerciseWrite({ kind: 'log_entry', fields: { incidentId: 'x' }, create: true }, real),
      guardExerciseWrite({ kind: 'checklist_mark', fields: { runId: 'x' }, create: true }, null),
      guardExerciseWrite({ kind: 'permit', fields: {}, create: true }, null),
      guardExerciseWrite({ kind: 'contact', fields: {}, create: false }, null),
    ];
    for (const outcome of refusals) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.rejected.code).toBe('forbidden');
        expect(outcome.rejected.message).toMatch(/^This device is in exercise mode/);
      }
    }
  });
});
