// Shown for any address that is not a page of the app.
import { PageHeading } from '../components/page-heading';
import { useT } from '../i18n/use-t';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </>
  );
}
