// Components fetched on first use (dynamic import), so the first JavaScript chunk holds only what
// the first screen shows. Until the chunk arrives the component renders nothing; a chunk that
// cannot be fetched (offline after an update) says so instead of failing silently.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      pending ??= load();
      pending.then(
        (c) => {
          loaded = c;
          if (live) setComponent(() => c);
        },
        (e: unknown) => {
          pending = null;
          if (live) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (failed)
      return (
        <p class="load-failed" role="alert">
          This part of the app could not be loaded ({failed}): reload the page.
        </p>
      );
    const Loaded = component;
    return Loaded ? <Loaded {...props} /> : null;
  };
}
