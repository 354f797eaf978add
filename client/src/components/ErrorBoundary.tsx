import { Component, type ErrorInfo, type ReactNode } from 'react';

import { ErrorState } from './ErrorState';

/** Last line of defence: a rendering bug shows a message and a way back, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The explorer failed to render:', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title="The explorer hit a problem"
          message={`Something in the page failed (${this.state.error.message}). Reloading usually helps; if not, open the address without its query string.`}
          onRetry={() => window.location.reload()}
        />
      );
    }
    return this.props.children;
  }
}
