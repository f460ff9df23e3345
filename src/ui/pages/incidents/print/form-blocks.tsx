// The numbered, boxed blocks of an ICS form ("1. Incident name", "2. Operational period", …): a grid of
// bordered cells, each a label over its value, that reads as a list of facts on screen.
import type { ComponentChildren } from 'preact';

export function FormBlocks({
  columns = 3,
  children,
}: {
  /** Blocks per row on paper. */
  columns?: 2 | 3;
  children: ComponentChildren;
}) {
  return <dl class={`ics-blocks ics-blocks-${columns} print-keep`}>{children}</dl>;
}

export function FormBlock({
  label,
  wide = false,
  children,
}: {
  label: string;
  /** Spans the whole row (a long value such as the incident name or the period). */
  wide?: boolean;
  children: ComponentChildren;
}) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <div class={`ics-block${wide ? ' ics-block-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{empty ? '—' : children}</dd>
    </div>
  );
}
