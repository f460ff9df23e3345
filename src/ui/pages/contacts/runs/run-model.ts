// What the run screen shows, computed once per change of the run's records (not per render or per row):
// progress from the domain's runProgress, each person's attempts, who calls whom, where a person who
// needs escalating goes, and who holds each key position. Pure, so the bench and tests can use it.
import {
  runProgress,
  whoIsInCharge,
  type AttemptLike,
  type EscalationRule,
  type PersonProgress,
  type ReportLike,
  type RunProgress,
} from '../../../../domain/contacts/calldown';
import type { PlanRow, RunActivity } from '../../../../storage/run-queries';
import type { RecordView } from '../../../../storage/sync-queries';

export interface RunModel {
  progress: RunProgress;
  rule: EscalationRule;
  byNode: Map<string, PlanRow>;
  childrenOf: Map<string, PlanRow[]>;
  /** Each person's attempts, oldest first. */
  attemptsOf: Map<string, RecordView[]>;
  /** Nodes escalated to a contact (the report's toContactId), by that contact. */
  escalatedTo: Map<string, PlanRow[]>;
  /** A name for each contact on the plan. */
  nameOf: Map<string, string>;
  /** The first person of the plan for each contact (a contact may be on a tree once). */
  nodeOfContact: Map<string, PlanRow>;
  /** People who call someone (they have people under them, or something was passed to them), by name. */
  callers: { contactId: string; name: string }[];
}

export const ruleOf = (run: RecordView): EscalationRule => ({
  attempts: Number(run.fields.escalateAfterAttempts ?? 3),
  minutes: Number(run.fields.escalateAfterMinutes ?? 15),
  to: run.fields.escalateTo === 'parent' ? 'parent' : 'backup',
});

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function computeRun(activity: RunActivity, now: string): RunModel {
  const { run, plan } = activity;
  const rule = ruleOf(run);
  const attempts = activity.attempts.map((a) => a.fields as unknown as AttemptLike);
  const reports = activity.reports.map((r) => r.fields as unknown as ReportLike);
  const closedAt = typeof run.fields.closedAt === 'string' ? run.fields.closedAt : null;
  const progress = runProgress(plan, attempts, reports, rule, String(run.fields.startedAt), closedAt ?? now);
  const byNode = new Map(plan.map((row) => [row.nodeId, row]));
  const childrenOf = new Map<string, PlanRow[]>();
  const nameOf = new Map<string, string>();
  const nodeOfContact = new Map<string, PlanRow>();
  for (const row of plan) {
    if (row.parentNodeId && byNode.has(row.parentNodeId)) push(childrenOf, row.parentNodeId, row);
    if (!nameOf.has(row.contactId)) nameOf.set(row.contactId, row.name);
    if (!nodeOfContact.has(row.contactId)) nodeOfContact.set(row.contactId, row);
  }
  const attemptsOf = new Map<string, RecordView[]>();
  for (const attempt of activity.attempts) push(attemptsOf, String(attempt.fields.nodeId), attempt);
  const escalatedTo = new Map<string, PlanRow[]>();
  for (const report of activity.reports) {
    const row = byNode.get(String(report.fields.nodeId));
    if (report.fields.report === 'escalated' && typeof report.fields.toContactId === 'string' && row)
      push(escalatedTo, report.fields.toContactId, row);
  }
  const callerIds = new Set<string>();
  for (const nodeId of childrenOf.keys()) callerIds.add(byNode.get(nodeId)!.contactId);
  for (const contactId of escalatedTo.keys()) callerIds.add(contactId);
  const callers = [...callerIds]
    .map((contactId) => ({ contactId, name: nameOf.get(contactId) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.contactId.localeCompare(b.contactId));
  return { progress, rule, byNode, childrenOf, attemptsOf, escalatedTo, nameOf, nodeOfContact, callers };
}

/** Who to call: everyone ('all'), the people at the top ('top', the initiator's), or one caller's. */
export type CallerChoice = 'all' | 'top' | string;

/** The people a caller must call, in plan order: those under them, then those passed to them. */
export function peopleToCall(model: RunModel, plan: readonly PlanRow[], caller: CallerChoice): PlanRow[] {
  if (caller === 'all') return [...plan];
  if (caller === 'top') return plan.filter((row) => !row.parentNodeId);
  const mine = new Set<string>();
  for (const row of plan) if (row.contactId === caller) mine.add(row.nodeId);
  const list = plan.filter((row) => row.parentNodeId !== undefined && mine.has(row.parentNodeId));
  const seen = new Set(list.map((row) => row.nodeId));
  for (const row of model.escalatedTo.get(caller) ?? []) if (!seen.has(row.nodeId)) list.push(row);
  return list;
}

export interface EscalationTarget {
  contactId: string;
  name: string;
  via: 'backup' | 'parent';
}

/**
 * Where a person who was not reached goes: their backup caller when the rule says so and they have one,
 * else up the tree (their caller's caller, or their caller when that is the top). Null at the top.
 */
export function escalationTarget(model: RunModel, row: PlanRow): EscalationTarget | null {
  if (model.rule.to === 'backup' && row.backupContactId && row.backupContactId !== row.contactId)
    return {
      contactId: row.backupContactId,
      name: model.nameOf.get(row.backupContactId) ?? '',
      via: 'backup',
    };
  const caller = row.parentNodeId ? model.byNode.get(row.parentNodeId) : undefined;
  if (!caller) return null;
  const above = caller.parentNodeId ? model.byNode.get(caller.parentNodeId) : undefined;
  const target = above ?? caller;
  if (target.contactId === row.contactId) return null;
  return { contactId: target.contactId, name: target.name, via: 'parent' };
}

export interface InCharge {
  position: string;
  /** The person who holds the position now; null when nobody in line is available. */
  holder: { contactId: string; name: string; index: number } | null;
  /** Those passed over, with why (their state), in order. */
  skipped: { contactId: string; name: string; progress: PersonProgress | undefined }[];
}

/** Who holds each key position now, from its order of succession and the run's results. */
export function inChargeNow(
  model: RunModel,
  successions: readonly RecordView[],
  nameOfContact: (contactId: string) => string,
): InCharge[] {
  const stateOf = (contactId: string) => {
    const node = model.nodeOfContact.get(contactId);
    return node ? model.progress.people.get(node.nodeId) : undefined;
  };
  const name = (contactId: string) => model.nameOf.get(contactId) ?? nameOfContact(contactId);
  return successions.map((succession) => {
    const line = Array.isArray(succession.fields.contactIds)
      ? (succession.fields.contactIds as string[])
      : [];
    const found = whoIsInCharge(line, stateOf);
    const skipped = (found ? found.skipped : line).map((contactId) => ({
      contactId,
      name: name(contactId),
      progress: stateOf(contactId),
    }));
    return {
      position: String(succession.fields.position ?? ''),
      holder: found ? { contactId: found.contactId, name: name(found.contactId), index: found.index } : null,
      skipped,
    };
  });
}

/** Whole minutes from the start of a run to now (or to its closing time). */
export function minutesSince(startedAt: string, until: string): number {
  return Math.max(0, Math.floor((Date.parse(until) - Date.parse(startedAt)) / 60_000));
}
