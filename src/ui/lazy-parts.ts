// The parts of the app not on the first screen, each fetched the first time it is shown: the
// dialogs (Auto-cluster, field mapping, the open and BNG questions) and the side panel's other
// tabs (Settings, Scenarios, Align, Small areas).
import { lazyComponent } from './lazy';

export const ClusterDialog = lazyComponent(() => import('./ClusterDialog').then((m) => m.ClusterDialog));
export const FieldMappingDialog = lazyComponent(() => import('./FieldMappingDialog').then((m) => m.FieldMappingDialog));
export const OpenChoiceDialog = lazyComponent(() => import('./OpenChoiceDialog').then((m) => m.OpenChoiceDialog));
export const BngConfirmDialog = lazyComponent(() => import('./BngConfirmDialog').then((m) => m.BngConfirmDialog));
export const Settings = lazyComponent(() => import('./Settings').then((m) => m.Settings));
export const ScenariosPanel = lazyComponent(() => import('./ScenariosPanel').then((m) => m.ScenariosPanel));
export const AlignTab = lazyComponent(() => import('./AlignPanel').then((m) => m.AlignTab));
export const SmallAreasPanel = lazyComponent(() => import('./SmallAreasPanel').then((m) => m.SmallAreasPanel));
