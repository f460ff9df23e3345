// Building blocks of printed pages: sections, fact lists, lines to write on, tick boxes, a signature
// line and the "transcribed by" box of paper forms. Each reads well on screen as well as on paper.
import type { ComponentChildren } from 'preact';
import { useAreaT } from '../i18n/use-t';
import { printMessages } from './messages';

export function PrintSection({
  title,
  children,
  keepTogether = false,
}: {
  title: string;
  children: ComponentChildren;
  /** A short section that should not be split across two pages. */
  keepTogether?: boolean;
}) {
  return (
    <section class={`print-section${keepTogether ? ' print-keep' : ''}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Label and value pairs; an empty value prints as a dash. */
export function PrintFacts({ items }: { items: readonly [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="print-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null || value === undefined ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A labelled blank to write on by hand: `lines` ruled lines, each tall enough for handwriting (10 mm on
 * paper). `width` lets two or three short fields share a row.
 */
export function WriteLine({
  label,
  lines = 1,
  width = 'full',
  hint,
}: {
  label: string;
  lines?: number;
  width?: 'full' | 'half' | 'third';
  hint?: string;
}) {
  return (
    <div class={`write-field write-${width}`} data-write-field={label}>
      <span class="write-label">
        {label}
        {hint && <span class="write-hint"> ({hint})</span>}
      </span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} class="write-rule" aria-hidden="true" />
      ))}
    </div>
  );
}

/** A row of empty tick boxes with their labels, for a status or an outcome chosen on paper. */
export function TickBoxes({
  label,
  options,
  hint,
}: {
  label: string;
  options: readonly string[];
  hint?: string;
}) {
  return (
    <fieldset class="tick-boxes">
      <legend>
        {label}
        {hint && <span class="write-hint"> ({hint})</span>}
      </legend>
      <ul>
        {options.map((option) => (
          <li key={option}>
            <span class="tick-box" aria-hidden="true" />
            {option}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Name, signature and date lines, side by side. */
export function SignatureLines({ role }: { role?: string }) {
  const t = useAreaT(printMessages);
  const prefix = role ? `${role}: ` : '';
  return (
    <div class="signature-lines print-keep">
      <WriteLine label={`${prefix}${t('print.name')}`} width="third" />
      <WriteLine label={`${prefix}${t('print.signature')}`} width="third" />
      <WriteLine label={t('print.date')} width="third" />
    </div>
  );
}

/** The office's box on a paper form: who keyed it into Holdfast, and when. */
export function TranscribedBox({ code }: { code: string }) {
  const t = useAreaT(printMessages);
  return (
    <section class="transcribed-box print-keep">
      <h2>{t('print.transcribedHeading')}</h2>
      <p class="muted">
        {t('print.documentCode')}: <strong>{code}</strong>
      </p>
      <div class="write-row">
        <WriteLine label={t('print.transcribedBy')} width="half" />
        <WriteLine label={t('print.transcribedAt')} width="half" />
      </div>
    </section>
  );
}
