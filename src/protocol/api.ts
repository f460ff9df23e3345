// Request and response shapes of the HTTP API, shared by the app and the server.
import type { Department, Role, UserProfile } from '../domain/users';

export interface HealthResponse {
  status: 'ok';
  storage: 'sqlite' | 'postgres';
  version: string;
}

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

/** GET /api/auth/me and the body of a successful login. */
/** GET /api/auth/me for a visitor without a session cookie. */
export interface SignedOut {
  user: null;
}

/** GET /api/auth/me: the session, or `{ user: null }` when the request carries no session cookie. */
export type MeResponse = SessionInfo | SignedOut;

export interface SessionInfo {
  user: UserProfile;
  session: {
    /** ISO time the session ends at the latest (absolute timeout). */
    expiresAt: string;
    /** Idle timeout in seconds: the session ends after this long without a request. */
    idleTimeoutSeconds: number;
  };
}

/** GET /api/setup */
export interface SetupStatus {
  /** True while no user exists: the first visitor with the printed link may create the admin. */
  required: boolean;
}

/** POST /api/setup: creates the first admin. The token comes from the link the server printed at start. */
export interface SetupRequest {
  token: string;
  username: string;
  displayName: string;
  password: string;
  departments: Department[];
}

/** GET /api/admin/users */
export interface UserListResponse {
  users: (UserProfile & { lastLoginAt: string | null; activeSessions: number })[];
}

/** POST /api/admin/users */
export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departments: string[];
}

/** PATCH /api/admin/users/:id (every field optional). */
export interface UpdateUserRequest {
  displayName?: string;
  password?: string;
  role?: Role;
  departments?: string[];
  disabled?: boolean;
}

/** GET /api/departments */
export interface DepartmentListResponse {
  departments: Department[];
}

/** POST /api/admin/departments */
export type CreateDepartmentRequest = Department;
