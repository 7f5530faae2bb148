import { serialize } from 'cookie';
import { SESSION_COOKIE } from './session.service';

/**
 * HttpOnly (no script can read it), SameSite=Lax (no cross-site POST carries it), Secure on https.
 * A browser-session cookie (no Expires): on a shared classroom computer, closing the browser signs
 * out; the server-side expiry (SESSION_TTL_HOURS, sliding) bounds it otherwise.
 */
export class SessionCookies {
  constructor(private readonly secure: boolean) {}

  session(token: string): string {
    return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }

  cleared(): string {
    return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/', maxAge: 0 });
  }
}
