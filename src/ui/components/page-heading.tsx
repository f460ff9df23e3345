// The page's one h1: names the document and takes focus after a route change, so screen readers
// announce the new page and keyboard users start from its top.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t';

// The first page of a visit keeps the browser's own focus; every later page moves focus to its heading.
let firstPage = true;

export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const t = useT();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}
