// An area with nothing on this device yet: its heading and one plain sentence.
import { PageHeading } from '../components/page-heading';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/en';

export function EmptyArea({ title, message }: { title: MessageKey; message: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHeading title={t(title)}>{t(title)}</PageHeading>
      <p class="empty-state">{t(message)}</p>
    </>
  );
}
