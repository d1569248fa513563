// Opens large practice files and boundaries off the main thread (see import-jobs.ts), one job per
// message, and transfers the packed plan's arrays: the main thread only rebuilds light objects
// over them. The app keeps this worker for the session.
import { runImportJob, type ImportRequest } from './import-jobs';
import { transferablesOf } from './transfer';

self.onmessage = (e: MessageEvent<{ id: number; request: ImportRequest }>) => {
  const reply = runImportJob(e.data.request);
  self.postMessage({ id: e.data.id, reply }, { transfer: transferablesOf(reply.plan) });
};
