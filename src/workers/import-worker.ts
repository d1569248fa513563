// Opens a large practice file or a boundary off the main thread (see import-jobs.ts) and
// transfers the packed plan's arrays: the main thread only rebuilds light objects over them.
import { runImportJob, type ImportRequest } from './import-jobs';
import { transferablesOf } from './transfer';

self.onmessage = (e: MessageEvent<ImportRequest>) => {
  const reply = runImportJob(e.data);
  self.postMessage(reply, { transfer: transferablesOf(reply.plan) });
};
