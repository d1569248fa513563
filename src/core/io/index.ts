// Reading, checking and writing planner files. Pure: text in, values and Issues out.
export { detectFields, FIELD_ALIASES, REQUIRED_FIELDS } from './fields';
export type { DetectedFields, FieldKey, FieldNames } from './fields';
export { MAX_PLAUSIBLE_LIST_SIZE, parsePractices } from './parse-practices';
export type { ParsePracticesOptions, PracticeNetwork, PracticeTable } from './parse-practices';
export { parseBoundary } from './parse-boundary';
export type { ParseBoundaryOptions } from './parse-boundary';
export { parseAssignment, withPracticeNames } from './parse-assignment';
export type { AssignmentFile, AssignmentTable, ParseAssignmentOptions } from './parse-assignment';
export { assignmentFromTable } from './assignment-from-table';
export { boundaryContains, practicesOutsideBoundary } from './practices-outside-boundary';
export { formatIssue, issueCount } from './issues';
export { DEFAULT_MAX_BYTES, INPUT_FORMAT } from './text-input';
export type { InputFormat } from './text-input';
export { toNetworksGeoJSON, exportGeometry } from './to-networks-geojson';
export type { NetworkFeature } from './to-networks-geojson';
export type { NetworkProperties, NetworkRecord, NetworkSummaryInput } from './networks-schema';
export { parseNetworksGeoJSON } from './parse-networks-geojson';
export type { NetworksFile, ParseNetworksOptions } from './parse-networks-geojson';
export { toAssignmentCsv, ASSIGNMENT_CSV_HEADER } from './to-assignment-csv';
export { csvField, toCsv } from './csv-write';
export { practiceWarnings } from './practice-warnings';
export { farPracticeWarnings } from './far-practices';
export { readPracticeHeaders } from './read-practice-headers';
export type { PracticeHeaders } from './read-practice-headers';
export { toMovesCsv, MOVES_CSV_HEADER } from './to-moves-csv';
export type { MoveRow } from './to-moves-csv';
export { parsePlanFile, serialisePlanFile, PLAN_FORMAT, PLAN_VERSION } from './plan-file';
export type {
  PlanFileContent,
  PlanFileNetwork,
  PlanFileScenario,
  PlanSource,
  RecordedFile,
  ReferenceLayer,
  SmallAreaRecord,
} from './plan-file';
