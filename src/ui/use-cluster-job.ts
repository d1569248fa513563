// The Auto-cluster dialog's run: one worker at a time, its progress, and the outcome as a phase.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClusterJobRequest, ClusterJobRun } from '../core/cluster/cluster-job';
import type { ClusterWorkerMessage, ClusterWorkerRequest } from '../workers/cluster-worker';

export type ClusterPhase =
  | { readonly kind: 'idle'; readonly note?: string }
  | { readonly kind: 'running'; readonly fraction: number }
  | { readonly kind: 'done'; readonly outcome: ClusterJobRun }
  | { readonly kind: 'failed'; readonly messages: readonly string[] };

export const defaultClusterWorker = () =>
  new Worker(new URL('../workers/cluster-worker.ts', import.meta.url), { type: 'module' });

/** Runs clustering jobs in workers made by `createWorker`; the worker is stopped on unmount. */
export function useClusterJob(createWorker: () => Worker) {
  const [phase, setPhase] = useState<ClusterPhase>({ kind: 'idle' });
  const [chosen, setChosen] = useState(0);
  const worker = useRef<Worker | null>(null);
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  function start(request: ClusterJobRequest) {
    stop();
    const w = createWorker();
    worker.current = w;
    setPhase({ kind: 'running', fraction: 0 });
    w.onmessage = (e: MessageEvent<ClusterWorkerMessage>) => {
      const msg = e.data;
      if (msg.type === 'progress') setPhase({ kind: 'running', fraction: msg.fraction });
      else {
        stop();
        const { outcome } = msg;
        if (!outcome.ok) setPhase({ kind: 'failed', messages: outcome.errors.map((x) => x.message) });
        else if (outcome.value.cancelled || outcome.value.alternatives.length === 0)
          setPhase({ kind: 'idle', note: 'Cancelled.' });
        else {
          setChosen(0);
          setPhase({ kind: 'done', outcome: outcome.value });
        }
      }
    };
    w.onerror = (e) => {
      stop();
      setPhase({ kind: 'failed', messages: [`the clustering stopped with an internal error: ${e.message}`] });
    };
    const message: ClusterWorkerRequest = { type: 'run', jobId: 1, request };
    w.postMessage(message);
  }

  function cancel() {
    stop();
    setPhase({ kind: 'idle', note: 'Cancelled: the plan is unchanged.' });
  }

  return { phase, setPhase, chosen, setChosen, start, cancel, stop };
}
