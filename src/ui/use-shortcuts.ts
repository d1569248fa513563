// The app's keyboard shortcuts: undo and redo, a letter per mode, Escape back to Select. Keys typed
// into a field are left to the field.
import { useEffect } from 'preact/hooks';
import type { PlannerStore } from '../state/store';
import { MODE_KEYS } from './mode-info';

export function useShortcuts(store: PlannerStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, select, textarea, [contenteditable]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        store.getState().redo();
      } else if (!mod && !e.altKey && MODE_KEYS[e.key.toLowerCase()]) {
        store.getState().setMode(MODE_KEYS[e.key.toLowerCase()]);
      } else if (e.key === 'Escape') {
        store.getState().setMode('select');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
