/** A path no view owns: say so, and lead to the views that exist. */
import { AppLink } from '../components/AppLink';
import { PageLayout } from '../components/PageLayout';
import { routeHref } from '../core/routing';

export function NotFoundView({ pathname }: { pathname: string }) {
  return (
    <PageLayout title="Page not found">
      <p className="note note--warning">
        Nothing lives at “{pathname}”. The explorer has the <AppLink href="/">graph</AppLink>, the{' '}
        <AppLink href={routeHref({ view: 'sources' })}>sources</AppLink> (each readable at /sources/&lt;id&gt;) and the{' '}
        <AppLink href={routeHref({ view: 'disagreements', entityId: null, attribute: null })}>disagreements</AppLink>.
      </p>
    </PageLayout>
  );
}
