// Collecting input findings: addressed, capped, and turned into a Result.
import { type IssueCode, LOGGED_ISSUES, type LoggedIssueCode } from '../issue-codes';
import type { Issue, Result } from '../model';

/** Where in a file an issue is: "feature 17" / "line 23", the practice code, the field. */
export interface IssueLocation {
  readonly where?: string;
  readonly practiceCode?: string;
  readonly field?: string;
}

/** Findings of one kind beyond this many are summarised as "…and N more". */
const MAX_ISSUES_PER_KIND = 20;
/** Findings of one severity beyond this many are summarised as "…and N more". */
const MAX_ISSUES = 50;

/**
 * The one sentence a person reads: `file where (code): text`,
 * e.g. `practices.geojson feature 17 (B82005): list size "-3" is not a whole number >= 0`.
 */
function issueMessage(file: string, loc: IssueLocation, text: string): string {
  const where = loc.where ? ` ${loc.where}` : '';
  const code = loc.practiceCode ? ` (${loc.practiceCode})` : '';
  return `${file}${where}${code}: ${text}`;
}

export function makeIssue(
  severity: Issue['severity'],
  code: IssueCode,
  file: string,
  loc: IssueLocation,
  text: string,
): Issue {
  return {
    severity,
    code,
    file,
    ...(loc.where !== undefined && { where: loc.where }),
    ...(loc.practiceCode !== undefined && { practiceCode: loc.practiceCode }),
    ...(loc.field !== undefined && { field: loc.field }),
    message: issueMessage(file, loc, text),
  };
}

/** One line for a terminal or a list: `error: …` / `warning: …`, line breaks folded to spaces. */
export function formatIssue(issue: Issue): string {
  return `${issue.severity}: ${issue.message.replace(/\s*[\r\n]+\s*/g, ' ')}`;
}

/** The line standing for findings not listed: `…and 980 more list size errors`. */
function omittedIssue(severity: Issue['severity'], code: IssueCode, file: string, count: number, noun: string): Issue {
  return { ...makeIssue(severity, code, file, {}, `…and ${count} more ${noun}`), omitted: count };
}

/** How many findings a list stands for: a "…and N more" line counts as its N. */
export const issueCount = (issues: readonly Issue[]) => issues.reduce((n, i) => n + (i.omitted ?? 1), 0);

interface Bucket {
  /** Kept issues with their arrival number, so the list reads in file order across kinds. */
  readonly kept: { readonly seq: number; readonly issue: Issue }[];
  extra: number;
}

/**
 * Collects errors and warnings for one file. Each has a code (LOGGED_ISSUES), whose plural noun
 * ("list size errors") the "…and N more" line uses once that kind passes its cap, so that
 * one noisy kind cannot hide the others.
 */
export class IssueLog {
  private readonly buckets = { error: new Map<LoggedIssueCode, Bucket>(), warning: new Map<LoggedIssueCode, Bucket>() };
  private readonly counts = { error: 0, warning: 0 };
  private seq = 0;

  constructor(
    readonly file: string,
    private readonly perKind = MAX_ISSUES_PER_KIND,
    private readonly perSeverity = MAX_ISSUES,
  ) {}

  error(code: LoggedIssueCode, loc: IssueLocation, text: string): void {
    this.add('error', code, loc, text);
  }

  warning(code: LoggedIssueCode, loc: IssueLocation, text: string): void {
    this.add('warning', code, loc, text);
  }

  /** Adds an already built issue (from a helper that checks a sub-part of the file). */
  push(code: LoggedIssueCode, issue: Issue): void {
    const bucket = this.bucket(issue.severity, code);
    this.counts[issue.severity] += 1;
    if (bucket.kept.length < this.perKind) bucket.kept.push({ seq: this.seq++, issue });
    else bucket.extra += 1;
  }

  get errorCount(): number {
    return this.counts.error;
  }

  get warningCount(): number {
    return this.counts.warning;
  }

  errors(): Issue[] {
    return this.list('error');
  }

  warnings(): Issue[] {
    return this.list('warning');
  }

  /** `ok: false` as soon as any error was logged; otherwise the value with the warnings. */
  result<T>(value: () => T): Result<T> {
    if (this.counts.error > 0) return { ok: false, errors: this.errors(), warnings: this.warnings() };
    return { ok: true, value: value(), warnings: this.warnings() };
  }

  /** The failed result, for an early return after an error was logged. */
  fail(): Result<never> {
    return { ok: false, errors: this.errors(), warnings: this.warnings() };
  }

  private add(severity: Issue['severity'], code: LoggedIssueCode, loc: IssueLocation, text: string): void {
    this.push(code, makeIssue(severity, code, this.file, loc, text));
  }

  private bucket(severity: Issue['severity'], code: LoggedIssueCode): Bucket {
    const map = this.buckets[severity];
    let bucket = map.get(code);
    if (!bucket) {
      bucket = { kept: [], extra: 0 };
      map.set(code, bucket);
    }
    return bucket;
  }

  private list(severity: Issue['severity']): Issue[] {
    const kept: { seq: number; issue: Issue }[] = [];
    const more: Issue[] = [];
    for (const [code, bucket] of this.buckets[severity]) {
      kept.push(...bucket.kept);
      if (bucket.extra > 0) more.push(omittedIssue(severity, code, this.file, bucket.extra, LOGGED_ISSUES[code]));
    }
    kept.sort((a, b) => a.seq - b.seq);
    const out = kept.slice(0, this.perSeverity).map((k) => k.issue);
    const hidden = kept.length - out.length;
    if (hidden > 0) {
      const noun = severity === 'error' ? 'errors' : 'warnings';
      more.push(omittedIssue(severity, 'moreIssues', this.file, hidden, noun));
    }
    return [...out, ...more];
  }
}
