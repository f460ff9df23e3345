// The API calls the app makes, typed with the shared protocol shapes.
import type { Department, UserProfile } from '../../domain/users';
import type {
  CreateDepartmentRequest,
  CreateUserRequest,
  DepartmentListResponse,
  HealthResponse,
  LoginRequest,
  MeResponse,
  SessionInfo,
  SetupRequest,
  SetupStatus,
  UpdateUserRequest,
  UserListResponse,
} from '../../protocol/api';
import { createApiClient } from './api-client';

const request = createApiClient();
const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const api = {
  health: (signal?: AbortSignal) => request<HealthResponse>('GET', '/api/health', signal ? { signal } : {}),
  setupStatus: () => request<SetupStatus>('GET', '/api/setup'),
  setup: (body: SetupRequest) => request<SessionInfo>('POST', '/api/setup', { body }),
  login: (body: LoginRequest) => request<SessionInfo>('POST', '/api/auth/login', { body }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<MeResponse>('GET', '/api/auth/me'),
  departments: () => request<DepartmentListResponse>('GET', '/api/departments'),
  createDepartment: (body: CreateDepartmentRequest) =>
    request<Department>('POST', '/api/admin/departments', { body }),
  users: () => request<UserListResponse>('GET', '/api/admin/users'),
  createUser: (body: CreateUserRequest) => request<UserProfile>('POST', '/api/admin/users', { body }),
  updateUser: (id: string, body: UpdateUserRequest) => request<UserProfile>('PATCH', user(id), { body }),
  endSessions: (id: string) => request<void>('POST', `${user(id)}/end-sessions`),
};
