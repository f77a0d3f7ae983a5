/** How sign-in sessions behave (docs/SECURITY.md); read from the environment by the `serve` command. */
export interface AuthConfig {
  /** A session unused this long ends (minutes). */
  readonly idleMinutes: number;
  /** A session ends this long after sign-in, used or not (hours). */
  readonly absoluteHours: number;
  /** Cookies get `Secure` and the `__Host-` prefix: set when Handoff is served over TLS (a https public URL). */
  readonly secureCookies: boolean;
  /** Take the client address from the first `X-Forwarded-For` entry (only behind a proxy you run). */
  readonly trustProxy: boolean;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = { idleMinutes: 30, absoluteHours: 12, secureCookies: false, trustProxy: false };

/** Reads HANDOFF_SESSION_IDLE_MINUTES, HANDOFF_SESSION_MAX_HOURS, HANDOFF_TRUST_PROXY; TLS from the public URL. */
export function authConfigFromEnv(env: NodeJS.ProcessEnv, publicUrl: string | undefined): AuthConfig {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
    return n;
  };
  return {
    idleMinutes: positive('HANDOFF_SESSION_IDLE_MINUTES', DEFAULT_AUTH_CONFIG.idleMinutes),
    absoluteHours: positive('HANDOFF_SESSION_MAX_HOURS', DEFAULT_AUTH_CONFIG.absoluteHours),
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    trustProxy: env.HANDOFF_TRUST_PROXY === '1' || env.HANDOFF_TRUST_PROXY === 'true',
  };
}
