// Asking the server who is signed in (GET /api/auth/me). The first question is asked at boot, in the first
// screen's code, so its answer travels while the storage code loads and the database opens: neither waits
// for the other. Sign-in and sign-out make every answer to a question asked before them stale.
import type { SessionInfo } from '../../protocol/api';
import { ApiError } from '../api/api-error';
import { api } from '../api/endpoints';

/** The server's answer: this device's session, or null when there is none (never had one, or it ended). */
export type SessionAnswer = SessionInfo | null;

export interface SessionQuestion {
  answer: Promise<SessionAnswer>;
  /** False once a sign-in or sign-out happened after the question was asked: its answer is out of date. */
  current: () => boolean;
}

let generation = 0;
let early: SessionQuestion | null = null;

/** Network failures reject (NetworkError); a 401 means the cookie's session ended, i.e. no session. */
async function fetchSession(): Promise<SessionAnswer> {
  try {
    const body = await api.me();
    return body.user ? body : null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

function ask(): SessionQuestion {
  const asked = generation;
  const answer = fetchSession();
  answer.catch(() => undefined); // whoever takes the question handles the failure
  return { answer, current: () => generation === asked };
}

/** Asks at once; the next `sessionQuestion()` takes this question instead of asking again. */
export function askSessionEarly(): void {
  early = ask();
}

/** The question asked at boot (once, if still current), or a new one. */
export function sessionQuestion(): SessionQuestion {
  const question = early?.current() ? early : ask();
  early = null;
  return question;
}

/** Called when this device signs in or out. */
export function sessionChanged(): void {
  generation++;
  early = null;
}
