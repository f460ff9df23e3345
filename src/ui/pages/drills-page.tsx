// The Drills area. Nothing is stored for it yet; its records arrive with a later issue.
import { EmptyArea } from './empty-area';

export function DrillsPage() {
  return <EmptyArea title="nav.drills" message="area.drills" />;
}
