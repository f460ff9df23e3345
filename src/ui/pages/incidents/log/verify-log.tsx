// "Verify log": recomputes the chain on this device (WebCrypto) and says plainly whether every entry
// holds, with the final hash to compare with a printed copy, or which entry is the first broken one.
import { useEffect, useState } from 'preact/hooks';
import type { RecordView } from '../../../../storage';
import { clockText } from './log-time';
import { verifyLog, type LogVerification } from './log-verify';
import type { LogT } from './messages';

/** The result as sentences in the reader's language. */
export function verificationText(t: LogT, result: LogVerification): string[] {
  switch (result.outcome) {
    case 'empty':
      return [t('activityLog.verify.empty')];
    case 'ok':
      return [
        t('activityLog.verify.ok', { count: result.checked, hash: result.headHash }),
        ...(result.pending > 0 ? [t('activityLog.verify.pendingNote', { count: result.pending })] : []),
      ];
    case 'broken':
      return [
        t('activityLog.verify.broken', {
          seq: result.seq,
          time: clockText(result.entry.fields.eventAt),
          text: String(result.entry.fields.text ?? ''),
          problem: t(`activityLog.verify.problem.${result.problem}`),
        }),
      ];
    case 'missing':
      return [
        t('activityLog.verify.missing', {
          expected: result.expected,
          expectedHash: result.expectedHash || '—',
          count: result.count,
          hash: result.headHash,
        }),
      ];
  }
}

export function VerifyLog({ t, log, entries }: { t: LogT; log: RecordView; entries: readonly RecordView[] }) {
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'running' }
    | { step: 'done'; result: LogVerification }
    | { step: 'failed'; error: string }
  >({ step: 'idle' });

  // A result speaks for the entries it checked: a new entry, or a sync that re-chains or confirms
  // entries, asks for a new check (other changes to the database leave the result on screen).
  const last = entries[entries.length - 1];
  const chainState = `${entries.length}|${String(last?.fields.hash)}|${entries.filter((e) => e.pending).length}`;
  useEffect(() => setState({ step: 'idle' }), [chainState]);

  const run = async () => {
    setState({ step: 'running' });
    try {
      setState({ step: 'done', result: await verifyLog(log, entries) });
    } catch (error) {
      setState({ step: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const ok = state.step === 'done' && (state.result.outcome === 'ok' || state.result.outcome === 'empty');
  return (
    <section aria-labelledby="verify-heading" class="log-verify">
      <h2 id="verify-heading">{t('activityLog.verify.heading')}</h2>
      <p class="field-hint">{t('activityLog.verify.intro')}</p>
      <button
        type="button"
        class="button button-secondary"
        onClick={() => void run()}
        disabled={state.step === 'running'}
      >
        {t('activityLog.verify.button')}
      </button>
      <div
        role="status"
        class={`log-verify-result${state.step === 'done' ? (ok ? ' log-verify-ok' : ' log-verify-bad') : ''}`}
      >
        {state.step === 'running' && <p>{t('activityLog.verify.running')}</p>}
        {state.step === 'failed' && <p>{t('activityLog.verify.failed', { error: state.error })}</p>}
        {state.step === 'done' &&
          verificationText(t, state.result).map((line, i) => (
            <p key={i}>
              {i === 0 && <span aria-hidden="true">{ok ? '✓ ' : '⚠ '}</span>}
              {line}
            </p>
          ))}
      </div>
    </section>
  );
}
