// Document actions as pure functions `(doc, args) -> Step`: what changes and what to tell the
// planner, decided without the store (see slices/plan-actions.ts for how the store runs them).
export { addPractices } from './add-practices';
export { applyAssignment } from './apply-assignment';
export { assignPractices } from './assign-practices';
export { createNetwork } from './create-network';
export { createNetworkFrom } from './create-network-from';
export { deleteNetwork } from './delete-network';
export { recolourNetwork } from './recolour-network';
export { renameNetwork } from './rename-network';
export { setLocked } from './set-locked';
export { loadAssignment } from './load-assignment';
export { mergeNetworks } from './merge-networks';
export { replaceDoc } from './replace-doc';
export { setAlign } from './set-align';
export { setBand } from './set-band';
export { setBoundary } from './set-boundary';
