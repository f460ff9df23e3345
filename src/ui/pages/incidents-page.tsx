// The Incidents area. Nothing is stored for it yet; its records arrive with a later issue.
import { EmptyArea } from './empty-area';

export function IncidentsPage() {
  return <EmptyArea title="nav.incidents" message="area.incidents" />;
}
