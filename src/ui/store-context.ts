import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { store as appStore } from '../state';
import type { Planner, PlannerStore } from '../state/store';
import { useStoreOf } from './use-store';

export const StoreContext = createContext<PlannerStore>(appStore);

export function useStore<T>(selector: (s: Planner) => T): T {
  return useStoreOf(useContext(StoreContext), selector);
}

export const usePlannerStore = () => useContext(StoreContext);
