// The route preload reads the real route table: every path gets the page the router would render.
import { describe, expect, it } from 'vitest';
import { routeFor } from './preload-route';

describe('routeFor', () => {
  it.each([
    ['/', '/'],
    ['/sign-in', '/sign-in'],
    ['/setup', '/setup'],
    ['/notes/new', '/notes/new'],
    ['/notes/abc-123', '/notes/:id'],
    ['/permits/print/blank-intake', '/permits/print/blank-intake'],
    ['/permits/p-1/edit', '/permits/:id/edit'],
  ])('%s → the route %s, whose page code can be preloaded', (path, route) => {
    const found = routeFor(path);
    expect(found?.path).toBe(route);
    expect(typeof found?.component?.preload).toBe('function');
  });

  it('falls back to the default (not found) route', () => {
    const found = routeFor('/no/such/page');
    expect(found?.default).toBe(true);
    expect(typeof found?.component?.preload).toBe('function');
  });
});
