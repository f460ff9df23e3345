// The Checklists area. Nothing is stored for it yet; its records arrive with a later issue.
import { EmptyArea } from './empty-area';

export function ChecklistsPage() {
  return <EmptyArea title="nav.checklists" message="area.checklists" />;
}
