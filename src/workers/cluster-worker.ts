// Web worker running auto-cluster jobs off the main thread. Messages in: { type: 'run', jobId,
// request, cancelFlag? }. Out: { type: 'progress', jobId, fraction }, then { type: 'done', jobId,
// outcome }. To cancel, the page terminates the worker (always works), or, when it passed a
// SharedArrayBuffer `cancelFlag` (cross-origin isolated pages), sets its first Int32 to 1: the
// job's shouldCancel reads it between steps and the outcome says cancelled.
import { runClusterJob, type ClusterJobOutcome, type ClusterJobRequest } from '../core/cluster/cluster-job';

export type ClusterWorkerRequest = {
  readonly type: 'run';
  readonly jobId: number;
  readonly request: ClusterJobRequest;
  readonly cancelFlag?: SharedArrayBuffer;
};
export type ClusterWorkerMessage =
  | { readonly type: 'progress'; readonly jobId: number; readonly fraction: number }
  | { readonly type: 'done'; readonly jobId: number; readonly outcome: ClusterJobOutcome };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ClusterWorkerRequest>) => void) | null;
  postMessage(m: ClusterWorkerMessage): void;
};

scope.onmessage = (e) => {
  const { jobId, request, cancelFlag } = e.data;
  const flag = cancelFlag ? new Int32Array(cancelFlag) : null;
  let lastSent = -1;
  const outcome = runClusterJob(
    request,
    (fraction) => {
      // Throttle: one message per percent is plenty for a progress bar.
      const pct = Math.floor(fraction * 100);
      if (pct === lastSent) return;
      lastSent = pct;
      scope.postMessage({ type: 'progress', jobId, fraction });
    },
    () => (flag ? Atomics.load(flag, 0) === 1 : false),
  );
  scope.postMessage({ type: 'done', jobId, outcome });
};
