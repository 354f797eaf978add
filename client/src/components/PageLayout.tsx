/**
 * The frame of the views beside the graph (sources, reader, disagreements): the shared
 * header, then the view's content under one <main> whose heading receives the focus when
 * the view opens, so screen-reader users hear where they are.
 */
import { useEffect, useRef, type ReactNode } from 'react';

import { AppHeader } from './AppHeader';
import './page.css';

interface PageLayoutProps {
  /** The view's h1. */
  title: ReactNode;
  /** Above the title (a back link, a kicker). */
  before?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function PageLayout({ title, before, className = '', children }: PageLayoutProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className={`page ${className}`}>
      <AppHeader titleIsHeading={false} subtitle="every relation traced to its sentence" className="page__header" />
      <main className="page__main">
        {before}
        <h1 ref={headingRef} tabIndex={-1} className="page__title">
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
