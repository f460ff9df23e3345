// A permit's fees: each fee's current entry (the newest of its chain), totals owed and paid in the
// deployment's currency, adding a fee and changing one (a payment, waiver, refund or void is a new entry
// superseding the current one). Without a connection a fee can only be recorded as owed or as paid with
// the receipt in hand; waivers, refunds and voids wait for the connection.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  FEE_STATUSES,
  OFFLINE_FEE_STATUSES,
  permitFeeKind,
  type FeeStatus,
} from '../../../domain/permits/permit-kinds';
import type { JsonObject } from '../../../domain/sync';
import { validateFields } from '../../../domain/sync';
import type { RecordView } from '../../../storage';
import { feeTotals, listCurrentFees } from '../../../storage/permit-queries';
import { FormError } from '../../components/form-error';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { permitsMessages, type PermitsT } from './messages';
import {
  DEPLOYMENT_CURRENCY,
  errorsByField,
  feeLabelKey,
  feeStatusKey,
  formatMoney,
  parseMoney,
  text,
} from './permit-helpers';
import { writeProblem } from './permit-write';

const useOnline = () => useAppStore((state) => state.network === 'online');

export function PermitFees({ permit, writable }: { permit: RecordView; writable: boolean }) {
  const t = useAreaT(permitsMessages);
  const db = useDatabase();
  const fees = useLiveQuery(() => (db ? listCurrentFees(db, permit.id) : []), [db, permit.id]);
  const [changing, setChanging] = useState<string | null>(null);
  const online = useOnline();
  if (fees === undefined) return <p class="muted">{t('app.loading')}</p>;
  const totals = feeTotals(fees);

  return (
    <>
      {fees.length === 0 ? (
        <p class="muted">{t('permits.fees.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <caption>{t('permits.fees.caption', { count: fees.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('permits.fee.code')}</th>
                <th scope="col">{t('permits.fee.description')}</th>
                <th scope="col" class="numeric">
                  {t('permits.fee.amountCents')}
                </th>
                <th scope="col">{t('permits.fee.status')}</th>
                <th scope="col">{t('permits.fee.receipt')}</th>
                {writable && <th scope="col">{t('permits.fees.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {fees.map((fee) => (
                <tr key={fee.id}>
                  <th scope="row">{text(fee.fields.code)}</th>
                  <td>{text(fee.fields.description)}</td>
                  <td class="numeric">{formatMoney(Number(fee.fields.amountCents) || 0, t.language)}</td>
                  <td>
                    {t(feeStatusKey(fee.fields.status))}
                    {text(fee.fields.reason) && <span class="muted"> — {text(fee.fields.reason)}</span>}
                    {fee.pending && <span class="tag tag-pending">{t('permits.unsentTag')}</span>}
                  </td>
                  <td>{text(fee.fields.receipt)}</td>
                  {writable && (
                    <td>
                      {changeableTo(fee, online).length > 0 && (
                        <button
                          type="button"
                          class="button button-secondary"
                          aria-expanded={changing === fee.id}
                          aria-controls={`fee-change-${fee.id}`}
                          onClick={() => setChanging(changing === fee.id ? null : fee.id)}
                        >
                          {t('permits.fees.change', { code: text(fee.fields.code) })}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dl class="facts permit-fee-totals">
        <div>
          <dt>{t('permits.fees.totalDue')}</dt>
          <dd>{formatMoney(totals.dueCents, t.language)}</dd>
        </div>
        <div>
          <dt>{t('permits.fees.totalPaid')}</dt>
          <dd>{formatMoney(totals.paidCents, t.language)}</dd>
        </div>
      </dl>
      {writable &&
        fees
          .filter((fee) => fee.id === changing)
          .map((fee) => (
            <FeeForm
              key={fee.id}
              t={t}
              permit={permit}
              supersedes={fee}
              online={online}
              onDone={() => setChanging(null)}
            />
          ))}
      {writable && <FeeForm t={t} permit={permit} online={online} />}
    </>
  );
}

/** The statuses a current fee entry may move to: a payment offline, anything else only online. */
function changeableTo(fee: RecordView, online: boolean): FeeStatus[] {
  const current = fee.fields.status;
  if (current === 'void' || current === 'refunded' || current === 'waived') return [];
  const allowed: FeeStatus[] = current === 'paid' ? ['refunded', 'void'] : ['paid', 'waived', 'void'];
  return allowed.filter((status) => online || OFFLINE_FEE_STATUSES.includes(status));
}

interface FeeValues {
  code: string;
  description: string;
  amount: string;
  status: string;
  receipt: string;
  reason: string;
}

/** A new fee, or (with `supersedes`) a new entry for an existing fee. */
function FeeForm(props: {
  t: PermitsT;
  permit: RecordView;
  supersedes?: RecordView;
  online: boolean;
  onDone?: () => void;
}) {
  const { t, permit, supersedes, online } = props;
  const announce = useAppStore((state) => state.announce);
  const statuses = supersedes
    ? changeableTo(supersedes, online)
    : FEE_STATUSES.filter((status) => online || OFFLINE_FEE_STATUSES.includes(status));
  const blank: FeeValues = {
    code: '',
    description: '',
    amount: '',
    status: statuses[0] ?? 'due',
    receipt: '',
    reason: '',
  };
  const [values, setValues] = useState<FeeValues>(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = supersedes ? `fee-change-${supersedes.id}` : 'fee-new';
  const status = (statuses as string[]).includes(values.status) ? values.status : (statuses[0] ?? 'due');
  const set = (patch: Partial<FeeValues>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: JsonObject = supersedes
      ? {
          permitId: permit.id,
          code: supersedes.fields.code ?? null,
          description: supersedes.fields.description ?? null,
          amountCents: supersedes.fields.amountCents ?? null,
          status,
          supersedes: supersedes.id,
        }
      : { permitId: permit.id, code: values.code.trim(), description: values.description.trim(), status };
    if (!supersedes) {
      const cents = parseMoney(values.amount);
      fields.amountCents = values.amount.trim() === '' ? null : Number.isNaN(cents) ? values.amount : cents;
    }
    if (status === 'paid') fields.receipt = values.receipt.trim();
    if (['waived', 'refunded', 'void'].includes(status)) fields.reason = values.reason.trim();
    for (const key of Object.keys(fields)) if (fields[key] === '' || fields[key] === null) delete fields[key];
    const problems = validateFields(permitFeeKind, fields, { op: 'append' });
    if (!online && !(OFFLINE_FEE_STATUSES as string[]).includes(status))
      problems.push({ field: 'status', code: 'not_allowed_value', message: 'Needs a connection.' });
    const next = errorsByField(t, problems, 'fee');
    setErrors(next);
    setFormError(null);
    const firstBad = Object.keys(next)[0];
    if (firstBad) {
      document.getElementById(`${prefix}-${firstBad === 'amountCents' ? 'amount' : firstBad}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await writeChange('entry.append', {
      kind: 'permit_fee',
      id: uuidv7(),
      dept: permit.dept,
      fields,
    });
    setBusy(false);
    const problem = writeProblem(t, result, 'fee');
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    setValues(blank);
    announce(supersedes ? t('permits.fees.changed') : t('permits.fees.added'));
    props.onDone?.();
  };

  const field = (name: keyof FeeValues, errorField: string, input: JSX.Element, hint?: string) => {
    const id = `${prefix}-${name}`;
    const error = errors[errorField];
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>{t(feeLabelKey(errorField))}</label>
        {hint && (
          <p id={`${id}-hint`} class="field-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        {input}
      </div>
    );
  };
  const textInput = (
    name: keyof FeeValues,
    errorField: string,
    extra: JSX.HTMLAttributes<HTMLInputElement> = {},
  ) => {
    const id = `${prefix}-${name}`;
    const error = errors[errorField];
    return (
      <input
        id={id}
        type="text"
        value={values[name]}
        onInput={(e) => set({ [name]: e.currentTarget.value })}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={
          [extra['aria-describedby'], error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
        autoComplete="off"
        inputMode={extra.inputMode}
      />
    );
  };

  const heading = supersedes
    ? t('permits.fees.changeHeading', { code: text(supersedes.fields.code) })
    : t('permits.fees.addHeading');
  return (
    <form
      id={prefix}
      class="form permit-fee-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
    >
      <h3 id={`${prefix}-heading`}>{heading}</h3>
      {!online && <p class="field-hint">{t('permits.fees.offlineHint')}</p>}
      {!supersedes && field('code', 'code', textInput('code', 'code'))}
      {!supersedes && field('description', 'description', textInput('description', 'description'))}
      {!supersedes &&
        field(
          'amount',
          'amountCents',
          textInput('amount', 'amountCents', {
            inputMode: 'decimal',
            'aria-describedby': `${prefix}-amount-hint`,
          }),
          t('permits.hint.money', { currency: DEPLOYMENT_CURRENCY }),
        )}
      {field(
        'status',
        'status',
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(e) => set({ status: e.currentTarget.value })}
        >
          {statuses.map((option) => (
            <option key={option} value={option}>
              {t(feeStatusKey(option))}
            </option>
          ))}
        </select>,
      )}
      {status === 'paid' && field('receipt', 'receipt', textInput('receipt', 'receipt'))}
      {['waived', 'refunded', 'void'].includes(status) &&
        field('reason', 'reason', textInput('reason', 'reason'))}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : supersedes ? t('permits.fees.saveChange') : t('permits.fees.add')}
      </button>
      <FormError id={`${prefix}-error`} message={formError} />
    </form>
  );
}
