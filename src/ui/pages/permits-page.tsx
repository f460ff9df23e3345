// The Permits area. Nothing is stored for it yet; its records arrive with a later issue.
import { EmptyArea } from './empty-area';

export function PermitsPage() {
  return <EmptyArea title="nav.permits" message="area.permits" />;
}
