// Reading, checking and writing planner files. Pure: text in, values and Issues out.
export { detectFields, FIELD_ALIASES, REQUIRED_FIELDS } from './fields';
export type { DetectedFields, FieldKey, FieldNames } from './fields';
export { parsePractices } from './parse-practices';
export type { ParsePracticesOptions, PracticeNetwork, PracticeTable } from './parse-practices';
export { parseBoundary } from './parse-boundary';
export type { ParseBoundaryOptions } from './parse-boundary';
export { parseAssignment } from './parse-assignment';
export type { AssignmentTable, ParseAssignmentOptions } from './parse-assignment';
export { assignmentFromTable } from './assignment-from-table';
export { boundaryContains, practicesOutsideBoundary } from './practices-outside-boundary';
export { formatIssue } from './issues';
export { DEFAULT_MAX_BYTES, INPUT_FORMAT } from './text-input';
export type { InputFormat } from './text-input';
