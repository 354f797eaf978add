/**
 * A link between the app's views: a real <a href> (it opens in a new tab, copies, and reads
 * as a link), followed inside the page without a reload on a plain click.
 */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

import { useNavigation } from '../bindings/use-navigation';

interface AppLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  href: string;
  /** Replace the current history entry instead of adding one (steps inside one view). */
  replace?: boolean;
}

export function AppLink({ href, replace = false, onClick, ...rest }: AppLinkProps) {
  const { navigate } = useNavigation();
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href, { replace });
  };
  return <a href={href} onClick={follow} {...rest} />;
}
