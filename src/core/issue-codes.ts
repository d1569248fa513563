// What each input finding is about, as a stable code that code tests (never the message text).

/**
 * Findings collected by an IssueLog, each with the plural noun its "…and N more <noun>" line uses
 * once the kind passes its cap, e.g. `listSize` -> "…and 980 more list size errors".
 */
export const LOGGED_ISSUES = {
  file: 'file errors',
  coordinate: 'coordinate errors',
  geometry: 'geometry errors',
  field: 'field errors',
  property: 'property errors',
  feature: 'feature errors',
  layer: 'layer errors',
  reprojected: 'reprojections',
  repaired: 'repairs',
  csvFormat: 'CSV format errors',
  code: 'code errors',
  noNetwork: 'practices with no network',
  header: 'header errors',
  practiceCode: 'practice code errors',
  duplicateCode: 'duplicate codes',
  missingPracticeCode: 'missing practice codes',
  listSize: 'list size errors',
  bandDiffers: 'band differences',
  column: 'column errors',
  population: 'population errors',
  unknownPractice: 'unknown practices',
  unknownSmallArea: 'unknown small areas',
  noLsoa: 'no LSOA',
  practiceWithoutRows: 'practices without rows',
  lsoaCode: 'LSOA code errors',
  patientCount: 'patient count errors',
  sexRows: 'sex rows',
  centroid: 'centroid errors',
  shapefilePart: 'shapefile parts',
  outsideBoundary: 'practices outside the boundary',
  repeatedRow: 'repeated rows',
  conflictingRow: 'conflicting rows',
  rowUnknownPractice: 'rows naming unknown practices',
  networkNameConflict: 'network name conflicts',
  postcodeNotFound: 'practices left out (no coordinates for their postcode)',
  duplicatePracticeCode: 'duplicate practice codes',
  zeroListSize: 'zero list sizes',
  implausibleListSize: 'implausible list sizes',
  repeatedNetwork: 'repeated networks',
  practiceInTwoNetworks: 'practices in two networks',
  encoding: 'encoding errors',
  encodingGuessed: 'encodings',
  farPractice: 'practices far from the rest',
  decile: 'decile errors',
  score: 'score errors',
  decileNote: 'decile notes',
} as const;

export type LoggedIssueCode = keyof typeof LOGGED_ISSUES;

/** Findings made outside an IssueLog. */
export type OtherIssueCode =
  /** "…and N more errors": findings of one severity past the overall cap, of several kinds. */
  | 'moreIssues'
  /** A command line the CLI cannot run: an unknown option, a missing value or required option. */
  | 'usage'
  /** The file could not be read at all (missing, too large, not text). */
  | 'unreadable'
  /** An output file that could not be written (nothing was). */
  | 'unwritable'
  /** A file that needs another loaded first (an assignment before practices). */
  | 'loadOrder'
  /** A plan file that is not a valid plan. */
  | 'planFile'
  /** Two plans that cannot be compared, or a file naming practices the plan does not have. */
  | 'practiceSet'
  /** A layer with nothing inside the study area, or no features to work with. */
  | 'nothingInside'
  /** Areas with no deprivation value, counted apart. */
  | 'noImdValue'
  /** Auto-cluster options out of range, or fewer networks made than asked for. */
  | 'clusterOption'
  | 'clusterShortfall'
  /** Service-area alignment: an option or input it cannot use. */
  | 'alignInput'
  /** A service area with no part in the study area. */
  | 'serviceAreaOutside'
  /** Service areas that overlap each other; the overlap is shared. */
  | 'serviceAreasOverlap'
  /** A network with no small-area residents inside its footprint (list-size shares used). */
  | 'noResidents'
  /** Small-area pieces whose areas were estimated, not clipped exactly. */
  | 'approximated'
  /** A network outside every service area, given to the nearest. */
  | 'networkOutsideAreas';

export type IssueCode = LoggedIssueCode | OtherIssueCode;
