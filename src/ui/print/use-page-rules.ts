// Installs a document's @page rule (running header and footer) while its print view is on screen.
import { useEffect } from 'preact/hooks';
import { pageRulesCss, type PageRuleTexts } from './page-rules';

let sheet: CSSStyleSheet | null = null;

function pageSheet(): CSSStyleSheet | null {
  if (sheet) return sheet;
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return null;
  try {
    sheet = new CSSStyleSheet();
  } catch {
    return null; // an old browser without constructed sheets prints without the running header
  }
  return sheet;
}

export function usePageRules(texts: PageRuleTexts): void {
  const css = pageRulesCss(texts);
  useEffect(() => {
    const own = pageSheet();
    if (!own) return;
    own.replaceSync(css);
    if (!document.adoptedStyleSheets.includes(own))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
    };
  }, [css]);
}
