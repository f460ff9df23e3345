// The device's write path in headless Chromium: writeMutation('record.create') and writeCreateBatch
// throughput against raw Dexie writes of the same rows, and the latency of single edits ('record.update').
import type { SessionInfo } from '../../src/protocol/api';
import type { BenchPage } from '../lib/browser';
import { figure, type FigureInput, type FigureResult } from '../lib/results';
import { notes, repeat } from '../lib/repeat';
import { median, percentile } from '../lib/stats';

export const WRITE_ROWS = {
  ratio: {
    id: 'write-vs-put',
    figure: 'record + outbox write throughput ÷ raw put',
    unit: 'x',
    // Information: IndexedDB itself gives about 0.5x for this transaction shape (the baseline, measured
    // natively in the same run). The target is the batch row below, against bulkPut.
    target: null,
  },
  rate: { id: 'write-rate', figure: 'writeMutation record.create', unit: '/s', target: null },
  bulk: {
    id: 'write-vs-bulkput',
    figure: 'record + outbox write throughput ÷ raw bulkPut',
    unit: 'x',
    target: null,
  },
  batch: {
    id: 'batch-write-vs-bulkput',
    figure: 'record + outbox batch write (writeCreateBatch) ÷ raw bulkPut',
    unit: 'x',
    target: { kind: 'min', value: 0.5, text: '>= 0.5x raw bulkPut (1 tx)' },
  },
  edit: {
    id: 'edit-p95',
    figure: 'single edit (record.update) p95',
    unit: 'ms',
    target: { kind: 'max', value: 10, text: '< 10 ms' },
  },
} satisfies Record<string, Omit<FigureInput, 'runs'>>;

export interface WriteSizes {
  creates: number;
  edits: number;
}

export async function writeFigures(
  bench: BenchPage,
  session: SessionInfo,
  sizes: WriteSizes,
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  // One small unmeasured round first, so the runs compare warmed-up code.
  await bench.call('writeFigures', { session, creates: 20, edits: 5, seed: 999 });
  const { results, shortened } = await repeat(runs, 150, (run) =>
    bench.call('writeFigures', { session, ...sizes, seed: 1000 + run }),
  );
  const rate = (ms: number, n: number) => (n / ms) * 1000;
  const writeRates = results.map((r) => rate(r.writeMutationMs, r.rows));
  const putRates = results.map((r) => rate(r.putMs, r.rows));
  const bulkRates = results.map((r) => rate(r.bulkPutMs, r.rows));
  const size = `${sizes.creates} notes per run`;
  return [
    figure(
      {
        ...WRITE_ROWS.ratio,
        runs: results.map((r) => r.putMs / r.writeMutationMs),
        baseline: {
          label: 'native IndexedDB, same shape ÷ native put',
          value: median(results.map((r) => r.nativePutMs / r.nativeShapeMs)),
          unit: 'x',
        },
        note: notes(
          shortened,
          `information only: writeMutation commits one record + its outbox entry + the seq counter per strict-durability transaction (reads first, then the writes), against raw Dexie put of the same rows, one per strict transaction (${size}; raw put ${Math.round(median(putRates)).toLocaleString('en-US')}/s). The baseline is the same comparison without Dexie: native IndexedDB on the same schema, writeMutation's reads and writes per transaction against one native put per transaction (median ${Math.round(median(results.map((r) => rate(r.nativeShapeMs, r.rows)))).toLocaleString('en-US')}/s against ${Math.round(median(results.map((r) => rate(r.nativePutMs, r.rows)))).toLocaleString('en-US')}/s): IndexedDB alone, with no code above it, stays near half for this shape, so a target of half could not be met by making the code faster. The issue's write target, against bulkPut, is the batch row; a single action's latency is the edit p95 row`,
        ),
      },
      scale,
    ),
    figure(
      {
        ...WRITE_ROWS.rate,
        runs: writeRates,
        baseline: { label: 'raw put, 1/tx', value: median(putRates), unit: '/s' },
        note: `${size}, each awaited before the next (a person or a form saving one at a time)`,
      },
      scale,
    ),
    figure(
      {
        ...WRITE_ROWS.bulk,
        runs: results.map((r) => r.bulkPutMs / r.writeMutationMs),
        baseline: { label: 'raw bulkPut, 1 tx', value: median(bulkRates), unit: '/s' },
        note: 'information only: one bulkPut transaction against one transaction per record (not like with like)',
      },
      scale,
    ),
    figure(
      {
        ...WRITE_ROWS.batch,
        runs: results.map((r) => r.bulkPutMs / r.writeBatchMs),
        baseline: { label: 'raw bulkPut, 1 tx', value: median(bulkRates), unit: '/s' },
        note: notes(
          shortened,
          `the issue's "at least half the throughput of a raw Dexie bulkPut of the same records", like with like: the same ${sizes.creates} notes through writeCreateBatch (each checked by the record.create mutator, stored with its record.createMany outbox entry and seq, one strict transaction, as an import writes) against a raw bulkPut of the very rows writeMutation stored, one strict transaction; median ${Math.round(median(results.map((r) => rate(r.writeBatchMs, r.rows)))).toLocaleString('en-US')}/s`,
        ),
      },
      scale,
    ),
    figure(
      {
        ...WRITE_ROWS.edit,
        runs: results.map((r) => percentile(r.editLatencies, 95)),
        baseline: {
          label: 'raw put p95',
          value: median(results.map((r) => percentile(r.putLatencies, 95))),
          unit: 'ms',
        },
        note: notes(
          shortened,
          `p95 of ${sizes.edits} edits per run (usually one field) on a device holding ${sizes.creates} unsent notes`,
        ),
      },
      scale,
    ),
  ];
}
