// Reading, checking and writing planner files. Pure: text in, values and Issues out.
export type { FieldKey, FieldNames } from './fields';
export { MAX_PLAUSIBLE_LIST_SIZE, parsePractices } from './parse-practices';
export type { ParsePracticesOptions, PracticeTable } from './parse-practices';
export { parseBoundary } from './parse-boundary';
export { parseAssignment, withPracticeNames } from './parse-assignment';
export { assignmentFromTable } from './assignment-from-table';
export { boundaryContains, practicesOutsideBoundary } from './practices-outside-boundary';
export { formatIssue, issueCount } from './issues';
export { DEFAULT_MAX_BYTES } from './text-input';
export { toNetworksGeoJSON, exportGeometry } from './to-networks-geojson';
export { parseNetworksGeoJSON } from './parse-networks-geojson';
export { toAssignmentCsv } from './to-assignment-csv';
export { toCsv } from './csv-write';
export { farPracticeWarnings } from './far-practices';
export { readPracticeHeaders } from './read-practice-headers';
export type { PracticeHeaders } from './read-practice-headers';
export { toMovesCsv } from './to-moves-csv';
export { parsePlanFile, serialisePlanFile, PLAN_FORMAT } from './plan-file';
export type {
  PlanFileScenario,
  PlanSource,
  ReferenceLayer,
  SmallAreaRecord,
} from './plan-file';
