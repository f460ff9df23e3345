// Subscribes a component to a slice of the app store (zustand's vanilla store with Preact hooks).
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { appStore, type AppStore } from './app-store';

export function useAppStore<T>(selector: (state: AppStore) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  const value = selector(appStore.getState());
  const valueRef = useRef(value);
  valueRef.current = value;

  useEffect(() => {
    const check = () => {
      if (!Object.is(selectorRef.current(appStore.getState()), valueRef.current)) rerender(0);
    };
    const unsubscribe = appStore.subscribe(check);
    check(); // the store may have changed between render and subscribe
    return unsubscribe;
  }, []);

  return value;
}
