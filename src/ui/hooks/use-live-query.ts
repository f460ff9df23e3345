// Reads records with a Dexie live query: the component re-renders whenever the data it read changes.
import { useEffect, useState } from 'preact/hooks';
import { observe } from '../../storage';

/** Returns undefined until the first result arrives; `deps` re-run the query when they change. */
export function useLiveQuery<T>(query: () => T | Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = observe(query).subscribe({
      next: (result) => setValue(() => result),
      // A closed database (versionchange) ends the query; the shell already explains that.
      error: (error) => console.warn('Live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
