// The shape of a checklist template shipped with the product: every text in English and Spanish side by
// side, so the two languages cannot drift apart (same sections, same items, same order).
import type {
  ChecklistItem,
  ChecklistLanguage,
  ChecklistLink,
  ChecklistPhase,
  ChecklistSection,
} from './checklist-kinds';

export type Bilingual = Record<ChecklistLanguage, string>;

export interface ShippedItem {
  /** Stable within the template ("a1", "a2"…): a run's marks point at it. Never reuse one for another task. */
  id: string;
  section: string;
  text: Bilingual;
  role: Bilingual;
  phase: ChecklistPhase;
  critical: boolean;
  link?: ChecklistLink;
}

export interface ShippedTemplate {
  /** Stable key ("power-outage"): runs name the template by it. */
  key: string;
  /** Goes up when the shipped wording or items change; runs keep the version they started from. */
  version: number;
  title: Bilingual;
  description: Bilingual;
  sections: { id: string; title: Bilingual }[];
  items: ShippedItem[];
}

/** A shipped template in one language: the shape a manager's own template and a run hold. */
export function inLanguage(
  template: ShippedTemplate,
  language: ChecklistLanguage,
): { title: string; description: string; sections: ChecklistSection[]; items: ChecklistItem[] } {
  return {
    title: template.title[language],
    description: template.description[language],
    sections: template.sections.map((section) => ({ id: section.id, title: section.title[language] })),
    items: template.items.map((item) => ({
      id: item.id,
      section: item.section,
      text: item.text[language],
      role: item.role[language],
      phase: item.phase,
      critical: item.critical,
      ...(item.link ? { link: item.link } : {}),
    })),
  };
}
