import { randomUUID } from 'node:crypto';
import type { ReportInput } from '../../src/reports/dto/report-input.dto.js';
import { sleep } from '../lib/stats.js';
import type { PlanRow } from '../lib/workload.js';
import { EXPERIENCES, NARRATIVES, REPORT_SUMMARY } from '../seed/world.js';

/**
 * The load check's clients: one per pilot (its own user's token) writing, submitting and
 * resubmitting its report; reviewers returning or accepting what is submitted; an admin polling
 * the period's progress. Every response is recorded: its latency, whether it was acknowledged
 * (2xx), a conflict the protocol expects (counted apart), or an error; acknowledged writes go to
 * the ledger the checks compare with PostgreSQL afterwards.
 */

/** poll: the pilot's report in the list (status, revision); read: the whole report with its ETag. */
export type Op = 'save' | 'submit' | 'submit-replay' | 'poll' | 'read' | 'inbox' | 'return' | 'accept' | 'progress';
export const OPS: readonly Op[] = ['save', 'submit', 'submit-replay', 'poll', 'read', 'inbox', 'return', 'accept', 'progress'];

type Outcome = 'ok' | 'expected' | 'error';

export interface CallRecord {
  op: Op;
  status: number;
  ms: number;
  /** When the answer arrived (performance.now()). */
  end: number;
  outcome: Outcome;
}

/** Why a non-2xx answer was expected (each counted). */
export type ExpectedConflict =
  | 'save race lost (412)'
  | 'stale If-Match after review (412)'
  | 'edit while submitted (409)'
  | 'edit while submitted, reviewed meanwhile (412)'
  | 'double-clicked submit (409)'
  | 'review race lost (409)';

export interface SaveAck {
  pilotId: string;
  reportId: string;
  version: number;
  summary: string;
}

export interface SubmitAck {
  pilotId: string;
  userId: string;
  reportId: string;
  revision: number;
  version: number;
  /** The summary of the last acknowledged save before the submit: the revision must hold it. */
  summary: string;
}

export interface ReviewAck {
  reviewerId: string;
  reportId: string;
  decision: 'returned' | 'accepted';
  revision: number;
  /** The revision the reviewer's inbox showed when it chose the report. */
  listedRevision: number;
  version: number;
  note: string | null;
}

export interface ReviewConflict {
  reviewerId: string;
  reportId: string;
  listedRevision: number;
}

/** The newest state of a report any response showed (every write bumps the ETag's version). */
export interface Observed {
  version: number;
  status: string;
  revision: number;
}

export interface Ledger {
  calls: CallRecord[];
  errors: string[];
  expected: Map<ExpectedConflict, number>;
  saves: SaveAck[];
  submits: SubmitAck[];
  replays: number;
  reviews: ReviewAck[];
  reviewConflicts: ReviewConflict[];
  /** Reviews that hit a later revision than the inbox showed (the pilot resubmitted in between). */
  reviewedNewerRevision: number;
  observed: Map<string, Observed>;
  /** The last acknowledged summary per report. */
  lastSummary: Map<string, string>;
  /** Pilot clients whose report ended accepted before the deadline. */
  pilotsDone: number;
  /**
   * Reports (`pilotId/periodId`) that received a write whose answer never came (network error,
   * timeout): the server may or may not have applied it, so their stored state is not compared.
   */
  uncertain: Set<string>;
}

export function newLedger(): Ledger {
  return {
    calls: [],
    errors: [],
    expected: new Map(),
    saves: [],
    submits: [],
    replays: 0,
    reviews: [],
    reviewConflicts: [],
    reviewedNewerRevision: 0,
    observed: new Map(),
    lastSummary: new Map(),
    pilotsDone: 0,
    uncertain: new Set(),
  };
}

interface Reply {
  status: number;
  ms: number;
  etag: string | null;
  headers: Headers | null;
  json: unknown;
  failure?: string;
}

interface ReportBody {
  id: string;
  pilotId: string;
  periodId: string;
  status: string;
  revision: number;
  summary: string | null;
  reviews: { decision: string; note: string | null; revision: number }[];
}

interface ListBody {
  items: { id: string; pilotId: string; revision: number; status: string }[];
  total: number;
}

interface ProgressBody {
  expected: number;
  received: number;
  missing: number;
  onTime: number;
  late: number;
}

/** An open period of the run and the completion dates its reports record (around its end). */
export interface LoadPeriod {
  id: string;
  /** Inside the period, its last day (still counted), the day after (not counted). */
  completedOn: readonly [string, string, string];
  early: string;
}

export interface LoadOptions {
  baseUrl: string;
  periods: LoadPeriod[];
  deadline: number;
  /** Pilots start within this many ms, so the first saves do not all arrive in the same tick. */
  rampMs: number;
  requestTimeoutMs: number;
  pollMs: number;
  random: () => number;
}

const STATUSES = ['on_track', 'on_track', 'completed', 'at_risk', 'delayed', 'on_track', 'not_started'] as const;

/**
 * A full report whose figures change with every save, so each save moves the period's aggregates.
 * Completions fall inside the period, on its last day (counted) or the day after (not counted).
 */
export function loadReportBody(plan: PlanRow, period: LoadPeriod, saveNo: number, summary: string): ReportInput {
  const COMPLETED_ON = period.completedOn;
  const experience = EXPERIENCES[saveNo % EXPERIENCES.length];
  return {
    summary,
    tasks: plan.tasks.map((task, i) => {
      const status = STATUSES[(i + saveNo) % STATUSES.length];
      const completions: { milestoneId: string; completedOn: string }[] = (i + saveNo) % 3 === 0 ? [{ milestoneId: task.milestones[0], completedOn: COMPLETED_ON[(i + saveNo) % COMPLETED_ON.length] }] : [];
      if ((i + saveNo) % 5 === 0 && task.milestones[1]) completions.push({ milestoneId: task.milestones[1], completedOn: period.early });
      return {
        taskId: task.id,
        status,
        percentComplete: status === 'completed' ? 100 : status === 'not_started' ? 0 : 5 + ((i * 7 + saveNo * 13) % 90),
        ...(i % 2 === 0 ? { narrative: NARRATIVES[(i + saveNo) % NARRATIVES.length] } : {}),
        completedMilestones: completions,
      };
    }),
    indicators: plan.tasks.flatMap((task, i) => task.indicators.map((indicatorId, j) => ({ indicatorId, value: 10 + i + j / 4 + saveNo / 8 }))),
    experiences: [{ ...experience, tags: [...experience.tags] }],
  };
}

/** The report a response carries, or an empty object (so a failed call reads as a mismatch, not a crash). */
const asReport = (reply: Reply): ReportBody => (reply.json && typeof reply.json === 'object' ? reply.json : {}) as ReportBody;

/** The version in the application's ETag `"<report id>.<version>"`. */
export function versionOf(etag: string | null): number {
  const match = etag ? /\.(\d+)"$/.exec(etag) : null;
  return match ? Number(match[1]) : Number.NaN;
}

export class LoadRun {
  readonly ledger = newLedger();

  constructor(private readonly options: LoadOptions) {}

  private stopped(): boolean {
    return Date.now() >= this.options.deadline;
  }

  private async http(method: string, path: string, authorization: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: response.status, ms: performance.now() - started, etag: response.headers.get('etag'), headers: response.headers, json };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { status: 0, ms: performance.now() - started, etag: null, headers: null, json: null, failure: `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause})` : ''}` };
    }
  }

  private record(op: Op, reply: Reply, outcome: Outcome): void {
    this.ledger.calls.push({ op, status: reply.status, ms: reply.ms, end: performance.now(), outcome });
  }

  private ok(op: Op, reply: Reply): void {
    this.record(op, reply, 'ok');
  }

  private expect(op: Op, reply: Reply, why: ExpectedConflict): void {
    this.record(op, reply, 'expected');
    this.ledger.expected.set(why, (this.ledger.expected.get(why) ?? 0) + 1);
  }

  /** An unexpected answer: recorded with what was asked and what came back. `report` is the `pilotId/periodId` a write went to. */
  private fail(op: Op, reply: Reply, what: string, report?: string): void {
    this.record(op, reply, 'error');
    if (report && reply.status === 0) this.ledger.uncertain.add(report);
    const answer = reply.failure ?? `${reply.status} ${JSON.stringify(reply.json)?.slice(0, 300)}`;
    this.ledger.errors.push(`${op}: ${what} → ${answer}`);
  }

  /** Remembers the newest state of a report that a response showed. */
  private observe(reply: Reply): void {
    const view = reply.json as ReportBody | null;
    if (!view?.id) return;
    const version = versionOf(reply.etag);
    const known = this.ledger.observed.get(view.id);
    if (!known || version > known.version) this.ledger.observed.set(view.id, { version, status: view.status, revision: view.revision });
  }

  /** A pilot's session for the period: save (sometimes several times, sometimes from two tabs), submit, wait for the review, edit and resubmit when returned. */
  async pilot(plan: PlanRow, authorization: string, period: LoadPeriod, periodIndex: number): Promise<void> {
    const { random } = this.options;
    const periodId = period.id;
    const key = `${plan.pilot_id}/${periodId}`;
    const reportPath = `/api/v1/pilots/${plan.pilot_id}/periods/${periodId}/report`;
    const state = { reportId: '', etag: '', status: '', revision: 0, saveNo: 0, summary: '', staleEtag: '' };
    const summaryOf = (saveNo: number, tab = '') => `[load] ${plan.pilot_code} period ${periodIndex + 1} save ${saveNo}${tab} — ${REPORT_SUMMARY}`;
    await sleep(random() * this.options.rampMs);

    /** Re-reads the report after an unexpected answer, so the session can go on from what is stored. */
    const resync = async (): Promise<void> => {
      const reply = await this.http('GET', reportPath, authorization);
      const view = asReport(reply);
      if (reply.status === 200) {
        this.ok('read', reply);
        this.observe(reply);
        Object.assign(state, { reportId: view.id, etag: reply.etag ?? '', status: view.status, revision: view.revision, staleEtag: '' });
        state.summary = view.summary ?? '';
      } else if (reply.status === 404 && !state.reportId) this.ok('read', reply);
      else this.fail('read', reply, 'GET report to resynchronise');
      await sleep(200);
    };

    /** One save; `ifMatch` empty only for the very first. Returns false after an unexpected answer. */
    const save = async (): Promise<boolean> => {
      state.saveNo += 1;
      const summary = summaryOf(state.saveNo);
      const creating = !state.reportId;
      const reply = await this.http('PUT', reportPath, authorization, loadReportBody(plan, period, state.saveNo, summary), creating ? {} : { 'if-match': state.etag });
      const view = asReport(reply);
      const wantStatus = creating ? 201 : 200;
      const wantReportStatus = creating ? 'draft' : state.status;
      if (reply.status !== wantStatus || view.status !== wantReportStatus || view.revision !== state.revision || view.summary !== summary || (!creating && view.id !== state.reportId)) {
        this.fail('save', reply, `PUT ${creating ? 'without If-Match (new report)' : `If-Match v${versionOf(state.etag)}`}, wanted ${wantStatus} ${wantReportStatus} revision ${state.revision}`, key);
        await resync();
        return false;
      }
      this.ok('save', reply);
      this.acknowledgeSave(plan, reply, summary);
      Object.assign(state, { reportId: view.id, etag: reply.etag ?? '', status: view.status, summary });
      return true;
    };

    /** Two tabs save with the same If-Match at once: exactly one wins, the other is told 412. */
    const racingSaves = async (): Promise<boolean> => {
      state.saveNo += 1;
      const saveNo = state.saveNo;
      const tabs = ['a', 'b'].map((tab) => summaryOf(saveNo, tab));
      const replies = await Promise.all(
        tabs.map((summary) => this.http('PUT', reportPath, authorization, loadReportBody(plan, period, saveNo, summary), { 'if-match': state.etag })),
      );
      const winners = replies.filter((r) => r.status === 200);
      const losers = replies.filter((r) => r.status === 412);
      if (winners.length === 1 && losers.length === 1) {
        const winner = winners[0];
        const view = asReport(winner);
        const summary = tabs[replies.indexOf(winner)];
        if (view.summary === summary && view.status === state.status && view.id === state.reportId) {
          this.ok('save', winner);
          this.expect('save', losers[0], 'save race lost (412)');
          this.acknowledgeSave(plan, winner, summary);
          Object.assign(state, { etag: winner.etag ?? '', summary });
          return true;
        }
      }
      for (const reply of replies) {
        this.fail('save', reply, `two tabs PUT with the same If-Match; wanted one 200 and one 412, got ${replies.map((r) => r.status).join(' and ')}`, key);
      }
      await resync();
      return false;
    };

    /** A save with the ETag held before the reviewer's decision: 412, the report changed since. */
    const staleSave = async (): Promise<void> => {
      state.saveNo += 1;
      const reply = await this.http('PUT', reportPath, authorization, loadReportBody(plan, period, state.saveNo, summaryOf(state.saveNo, ' stale')), { 'if-match': state.staleEtag });
      if (reply.status === 412) this.expect('save', reply, 'stale If-Match after review (412)');
      else {
        this.fail('save', reply, 'PUT with the ETag from before the review, wanted 412', key);
        await resync();
      }
    };

    const submit = async (): Promise<boolean> => {
      const key = randomUUID();
      const path = `/api/v1/reports/${state.reportId}/submit`;
      const doubleClick = random() < 0.05;
      let reply: Reply;
      if (doubleClick) {
        // Two submits at once without an Idempotency-Key: one submits, the other finds it submitted (409).
        const replies = await Promise.all([0, 1].map(() => this.http('POST', path, authorization)));
        const winners = replies.filter((r) => r.status === 200);
        const losers = replies.filter((r) => r.status === 409);
        if (winners.length !== 1 || losers.length !== 1) {
          for (const r of replies) this.fail('submit', r, `double-clicked submit, wanted one 200 and one 409, got ${replies.map((x) => x.status).join(' and ')}`, key);
          await resync();
          return false;
        }
        this.expect('submit', losers[0], 'double-clicked submit (409)');
        reply = winners[0];
      } else reply = await this.http('POST', path, authorization, undefined, { 'idempotency-key': key });
      const view = asReport(reply);
      if (reply.status !== 200 || view.status !== 'submitted' || view.revision !== state.revision + 1 || view.summary !== state.summary) {
        this.fail('submit', reply, `submit from ${state.status} at revision ${state.revision}, wanted 200 submitted revision ${state.revision + 1} with the last saved content`, key);
        await resync();
        return false;
      }
      this.ok('submit', reply);
      this.observe(reply);
      this.ledger.submits.push({ pilotId: plan.pilot_id, userId: plan.user_id, reportId: view.id, revision: view.revision, version: versionOf(reply.etag), summary: state.summary });
      Object.assign(state, { etag: reply.etag ?? '', status: 'submitted', revision: view.revision });

      if (!doubleClick && random() < 0.1) {
        // The client did not hear the answer and sends the same request again: the first answer is replayed.
        const again = await this.http('POST', path, authorization, undefined, { 'idempotency-key': key });
        const replayed = asReport(again);
        if (again.status === 200 && again.headers?.get('idempotent-replayed') === 'true' && replayed.revision === view.revision && again.etag === reply.etag) {
          this.ok('submit-replay', again);
          this.ledger.replays += 1;
        } else this.fail('submit-replay', again, `same Idempotency-Key again, wanted the first answer (200, revision ${view.revision}) replayed`, key);
      }
      if (random() < 0.1) {
        // A second tab still open on the report tries to save while it is under review.
        const probe = await this.http('PUT', reportPath, authorization, loadReportBody(plan, period, state.saveNo, summaryOf(state.saveNo, ' late tab')), { 'if-match': state.etag });
        if (probe.status === 409) this.expect('save', probe, 'edit while submitted (409)');
        else if (probe.status === 412) this.expect('save', probe, 'edit while submitted, reviewed meanwhile (412)');
        else {
          this.fail('save', probe, 'PUT on a submitted report, wanted 409 (or 412 once reviewed)', key);
          await resync();
        }
      }
      return true;
    };

    /** Watches the report's status in the list until a reviewer has decided, then reads it (content, reviews, ETag) to edit it. */
    const awaitReview = async (): Promise<void> => {
      const listPath = `/api/v1/reports?periodId=${periodId}&pilotId=${plan.pilot_id}`;
      while (!this.stopped()) {
        await sleep(this.options.pollMs * (0.5 + random()));
        if (this.stopped()) return;
        const poll = await this.http('GET', listPath, authorization);
        const item = ((poll.json ?? {}) as ListBody).items?.[0];
        if (poll.status !== 200 || item?.id !== state.reportId || item.revision !== state.revision || !['submitted', 'returned', 'accepted'].includes(item.status)) {
          this.fail('poll', poll, `GET the pilot's report in the list (under review, revision ${state.revision})`);
          await resync();
          return;
        }
        this.ok('poll', poll);
        if (item.status === 'submitted') continue;
        const reply = await this.http('GET', reportPath, authorization);
        const view = asReport(reply);
        const last = view.reviews?.[view.reviews.length - 1];
        if (reply.status !== 200 || view.status !== item.status || view.revision !== state.revision || last?.decision !== view.status || last.revision !== state.revision || (view.status === 'returned' && !last.note)) {
          this.fail('read', reply, `GET the ${item.status} report: its last review should be "${item.status}" of revision ${state.revision}${item.status === 'returned' ? ' with a note' : ''}`);
          await resync();
          return;
        }
        this.ok('read', reply);
        this.observe(reply);
        Object.assign(state, { staleEtag: state.etag, etag: reply.etag ?? '', status: view.status });
        return;
      }
    };

    while (!this.stopped()) {
      if (state.status === 'accepted') {
        this.ledger.pilotsDone += 1;
        break;
      }
      if (state.status === 'submitted') {
        await awaitReview();
        continue;
      }
      // Draft, returned, or no report yet: edit (1–3 saves), then submit.
      if (state.staleEtag && random() < 0.2) await staleSave();
      if (this.stopped()) break;
      let saved = true;
      // Mostly one save before submitting; sometimes two or three.
      const draw = random();
      const saves = draw < 0.1 ? 3 : draw < 0.35 ? 2 : 1;
      for (let i = 0; i < saves && saved && !this.stopped(); i += 1) {
        saved = state.reportId && random() < 0.1 ? await racingSaves() : await save();
      }
      if (!saved || this.stopped()) continue;
      await submit();
    }
  }

  private acknowledgeSave(plan: PlanRow, reply: Reply, summary: string): void {
    const view = asReport(reply);
    this.observe(reply);
    this.ledger.saves.push({ pilotId: plan.pilot_id, reportId: view.id, version: versionOf(reply.etag), summary });
    this.ledger.lastSummary.set(view.id, summary);
  }

  /** A reviewer working through the inbox of submitted reports: returns most first revisions with a note, accepts the rest. */
  async reviewer(reviewerId: string, authorization: string, index: number, reviewers: number): Promise<void> {
    const { random, periods } = this.options;
    await sleep(random() * this.options.rampMs);
    for (let round = index; !this.stopped(); round += 1) {
      // One period's inbox at a time, in turn.
      const periodId = periods[round % periods.length].id;
      const inbox = await this.http('GET', `/api/v1/reports?periodId=${periodId}&status=submitted&limit=500`, authorization);
      const list = (inbox.json ?? {}) as ListBody;
      if (inbox.status !== 200 || !Array.isArray(list?.items) || list.items.some((item) => item.status !== 'submitted')) {
        this.fail('inbox', inbox, 'GET /reports?status=submitted');
        await sleep(500);
        continue;
      }
      this.ok('inbox', inbox);
      if (list.items.length === 0) {
        await sleep(300 + random() * 300);
        continue;
      }
      // The team shares the inbox out by report (a hash of its id), and each reviewer sometimes
      // also takes a colleague's report: then two decide the same revision at once and one is told 409.
      const shuffled = [...list.items].sort(() => random() - 0.5);
      const mine = shuffled.filter((item) => Number.parseInt(item.id.slice(0, 8), 16) % reviewers === index - 1);
      const others = shuffled.filter((item) => !mine.includes(item));
      const picked = [...mine.slice(0, 5), ...(others.length && random() < 0.2 ? [others[0]] : [])];
      if (picked.length === 0) {
        await sleep(300 + random() * 300);
        continue;
      }
      for (const item of picked) {
        if (this.stopped()) break;
        const acceptChance = item.revision >= 3 ? 1 : item.revision === 2 ? 0.5 : 0.25;
        const accept = random() < acceptChance;
        const note = accept ? (random() < 0.5 ? null : `[load] reviewer ${index}: accepted revision ${item.revision}`) : `[load] reviewer ${index}: please add the evidence for revision ${item.revision}`;
        const op: Op = accept ? 'accept' : 'return';
        const reply = await this.http('POST', `/api/v1/reports/${item.id}/${op}`, authorization, note === null ? {} : { note }, { 'idempotency-key': randomUUID() });
        const view = asReport(reply);
        const decision = accept ? 'accepted' : 'returned';
        if (reply.status === 200 && view.status === decision && view.revision >= item.revision) {
          this.ok(op, reply);
          this.observe(reply);
          this.ledger.reviews.push({ reviewerId, reportId: item.id, decision, revision: view.revision, listedRevision: item.revision, version: versionOf(reply.etag), note });
          if (view.revision > item.revision) this.ledger.reviewedNewerRevision += 1;
        } else if (reply.status === 409) {
          this.expect(op, reply, 'review race lost (409)');
          this.ledger.reviewConflicts.push({ reviewerId, reportId: item.id, listedRevision: item.revision });
        } else this.fail(op, reply, `${op} a report listed as submitted (revision ${item.revision})`, `${item.pilotId}/${periodId}`);
      }
    }
  }

  /** An admin's dashboard refreshing the period's progress during the load. */
  async dashboard(authorization: string, pilots: number): Promise<void> {
    while (!this.stopped()) {
      await sleep(1000);
      if (this.stopped()) return;
      const reply = await this.http('GET', `/api/v1/periods/${this.options.periods[0].id}/progress`, authorization);
      const body = (reply.json ?? {}) as ProgressBody;
      if (reply.status === 200 && body.expected === pilots && body.received + body.missing === body.expected && body.onTime + body.late === body.received) this.ok('progress', reply);
      else this.fail('progress', reply, `GET progress, wanted 200 with expected ${pilots} = received + missing`);
    }
  }
}
