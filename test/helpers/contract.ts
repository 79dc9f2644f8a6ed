/**
 * The shapes of /work/shared/API.md (the HTTP contract) as the tests read them. These are
 * written from the contract, not imported from src/, so a change to the code that breaks the
 * contract breaks the tests.
 */

export type Role = 'admin' | 'reviewer' | 'pilot';
export type PilotKind = 'city' | 'park';
export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type TaskProgressStatus = 'not_started' | 'on_track' | 'at_risk' | 'delayed' | 'completed';

export const TASK_CATEGORIES = [
  'energy',
  'industry',
  'buildings',
  'transport',
  'circular_economy',
  'water',
  'carbon_sink',
  'innovation',
  'policy',
  'public_action',
  'planning',
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  pilotId: string | null;
  province: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface User extends SessionUser {
  displayName?: string | null;
  active: boolean;
}

export interface UserInput {
  email: string;
  password: string;
  role: Role;
  pilotId?: string;
  province?: string;
  displayName?: string;
}

export interface PilotInput {
  code: string;
  kind: PilotKind;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
  batch?: number;
}

export interface Pilot extends Required<PilotInput> {
  id: string;
}

export interface MilestoneInput {
  title: string;
  dueDate: string;
}

export interface Milestone extends MilestoneInput {
  id: string;
}

export interface IndicatorInput {
  name: string;
  unit: string;
  baseline: number;
  baselineYear?: number;
  target: number;
  targetYear: number;
  direction: 'increase' | 'decrease';
}

export interface Indicator extends IndicatorInput {
  id: string;
}

export interface TaskInput {
  code: string;
  title: string;
  category: TaskCategory;
  description?: string;
  leadUnit?: string;
  startDate?: string;
  dueDate: string;
  milestones?: MilestoneInput[];
  indicators?: IndicatorInput[];
}

export interface Task extends Omit<TaskInput, 'milestones' | 'indicators'> {
  id: string;
  milestones: Milestone[];
  indicators: Indicator[];
}

export interface PeriodInput {
  label: string;
  startDate: string;
  endDate: string;
  dueDate: string;
}

export interface Period extends PeriodInput {
  id: string;
  closed: boolean;
}

export interface TaskLineInput {
  taskId: string;
  status: TaskProgressStatus;
  percentComplete: number;
  narrative?: string;
  completedMilestones?: { milestoneId: string; completedOn: string }[];
}

export interface IndicatorValueInput {
  indicatorId: string;
  value: number;
  note?: string;
}

export interface ExperienceInput {
  title: string;
  summary: string;
  category: TaskCategory;
  tags?: string[];
}

export interface Experience extends ExperienceInput {
  id: string;
  recommended: boolean;
}

export interface ReportBody {
  summary?: string;
  tasks: TaskLineInput[];
  indicators?: IndicatorValueInput[];
  experiences?: ExperienceInput[];
}

export interface Review {
  decision: 'returned' | 'accepted';
  note: string | null;
  reviewerId: string;
  at: string;
}

export interface Report {
  id: string;
  pilotId: string;
  periodId: string;
  status: ReportStatus;
  revision: number;
  summary: string | null;
  tasks: TaskLineInput[];
  indicators: IndicatorValueInput[];
  experiences: Experience[];
  submittedAt: string | null;
  reviews: Review[];
  updatedAt: string;
}

export interface Revision {
  revision: number;
  submittedAt: string;
  submittedBy: string;
  content: Record<string, unknown>;
}

/** Instants are ISO-8601 UTC. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every route of API.md's sections "Auth and users", "Pilots", "Tasks", "Periods", "Milestone
 * reports" and "Audit", plus the operations routes, with path parameters as OpenAPI writes them.
 */
export const CONTRACT_ROUTES: readonly { method: Method; path: string; public?: boolean }[] = [
  { method: 'POST', path: '/api/v1/auth/login', public: true },
  { method: 'GET', path: '/api/v1/auth/me' },
  { method: 'POST', path: '/api/v1/users' },
  { method: 'GET', path: '/api/v1/users' },
  { method: 'PATCH', path: '/api/v1/users/{id}' },
  { method: 'GET', path: '/api/v1/pilots' },
  { method: 'GET', path: '/api/v1/pilots/{id}' },
  { method: 'POST', path: '/api/v1/pilots' },
  { method: 'PATCH', path: '/api/v1/pilots/{id}' },
  { method: 'POST', path: '/api/v1/pilots/{pilotId}/tasks' },
  { method: 'GET', path: '/api/v1/pilots/{pilotId}/tasks' },
  { method: 'GET', path: '/api/v1/tasks/{id}' },
  { method: 'PATCH', path: '/api/v1/tasks/{id}' },
  { method: 'POST', path: '/api/v1/periods' },
  { method: 'GET', path: '/api/v1/periods' },
  { method: 'POST', path: '/api/v1/periods/{id}/close' },
  { method: 'POST', path: '/api/v1/periods/{id}/reopen' },
  { method: 'PUT', path: '/api/v1/pilots/{pilotId}/periods/{periodId}/report' },
  { method: 'GET', path: '/api/v1/pilots/{pilotId}/periods/{periodId}/report' },
  { method: 'GET', path: '/api/v1/reports' },
  { method: 'GET', path: '/api/v1/reports/{id}' },
  { method: 'POST', path: '/api/v1/reports/{id}/submit' },
  { method: 'POST', path: '/api/v1/reports/{id}/return' },
  { method: 'POST', path: '/api/v1/reports/{id}/accept' },
  { method: 'GET', path: '/api/v1/reports/{id}/revisions' },
  { method: 'POST', path: '/api/v1/reports/{id}/experiences/{experienceId}/recommend' },
  { method: 'GET', path: '/api/v1/audit' },
  { method: 'GET', path: '/health', public: true },
];

/** A route's path with its parameters filled in. */
export const fillPath = (path: string, value = UNKNOWN_ID): string => path.replace(/\{[^}]+\}/g, value);
