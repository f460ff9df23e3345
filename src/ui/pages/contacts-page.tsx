// The Contacts area. Nothing is stored for it yet; its records arrive with a later issue.
import { EmptyArea } from './empty-area';

export function ContactsPage() {
  return <EmptyArea title="nav.contacts" message="area.contacts" />;
}
