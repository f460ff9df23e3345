// Starts fetching the code of the page at a path at once, found in the route table itself (routes.tsx):
// the page's chunk then travels beside the language catalog and the storage code, not after them.
import { toChildArray, type ComponentChildren, type VNode } from 'preact';
import { exec } from 'preact-iso/router';
import { Routes } from '../routes';

interface RouteProps {
  path?: string;
  default?: boolean;
  /** preact-iso's lazy() components can be told to load ahead of their first render. */
  component?: { preload?: () => Promise<unknown> };
}

/** The route the router would pick for a path (the same first-match order, then the default route). */
export function routeFor(path: string): RouteProps | undefined {
  const table = Routes() as VNode<{ children?: ComponentChildren }>;
  const routes = toChildArray(table.props.children).filter(
    (child): child is VNode<RouteProps> => typeof child === 'object',
  );
  const matched = routes.find((route) => route.props.path !== undefined && exec(path, route.props.path));
  return (matched ?? routes.find((route) => route.props.default))?.props;
}

let preloaded: Promise<unknown> = Promise.resolve();

export function preloadRoute(path: string): void {
  try {
    preloaded = routeFor(path)?.component?.preload?.() ?? Promise.resolve();
    // Only a head start: the router loads the page anyway (and shows its own failure).
    preloaded = preloaded.catch(() => undefined);
  } catch (error) {
    console.warn('Holdfast could not preload the page', error);
  }
}

/** Settles once the page code preloaded at boot has arrived and run (so its early reads have started). */
export function routePreloaded(): Promise<unknown> {
  return preloaded;
}
