// A windowed list: only the rows in view (plus a few either side) are in the page, so a list of 100,000
// permits renders as fast as one of 30. Rows have one fixed height in rem (so it follows the reader's font
// size and zoom); the list scrolls inside its own box. Each row says its position (aria-posinset/setsize);
// tabbing to a link in the overscan scrolls it into view, which renders the rows after it.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import '../styles/virtual-list.css';

const OVERSCAN = 8;

export interface VisibleRange {
  first: number;
  last: number;
}

function remInPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export function VirtualList(props: {
  id: string;
  label: string;
  count: number;
  /** Row height in rem. */
  rowHeightRem: number;
  renderRow: (index: number) => ComponentChildren;
  /** Told which rows are on screen (with overscan), to load them. */
  onRange: (range: VisibleRange) => void;
  /** A different value scrolls back to the top (a new search). */
  resetKey: string;
}) {
  const { count, rowHeightRem, onRange } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [rowPx, setRowPx] = useState(rowHeightRem * 16);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      setHeight(element.clientHeight || 600);
      setRowPx(rowHeightRem * remInPx());
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [rowHeightRem]);

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowPx) + OVERSCAN);

  useEffect(() => {
    onRange({ first, last: Math.max(first, last) });
  }, [first, last]);

  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);

  return (
    <div
      ref={box}
      id={props.id}
      class="virtual-list"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul class="virtual-list-rows" aria-label={props.label} style={{ height: `${count * rowHeightRem}rem` }}>
        {indexes.map((index) => (
          <li
            key={index}
            class="virtual-list-row"
            aria-setsize={count}
            aria-posinset={index + 1}
            style={{ top: `${index * rowHeightRem}rem`, height: `${rowHeightRem}rem` }}
          >
            {props.renderRow(index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
