// Binds the vanilla store to Preact: re-render when the selected value changes (Object.is).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Planner, PlannerStore } from '../state/store';

export function useStoreOf<T>(store: PlannerStore, selector: (s: Planner) => T): T {
  const [value, setValue] = useState(() => selector(store.getState()));
  const selectorRef = useRef(selector);
  selectorRef.current = selector;
  useEffect(() => {
    const check = () => {
      const next = selectorRef.current(store.getState());
      setValue((prev) => (Object.is(prev, next) ? prev : next));
    };
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
}
