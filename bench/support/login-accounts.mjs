// Accounts to sign in with, for the sign-in benchmarks: `count` pupils named `<prefix>1…<prefix>N`,
// all with the same argon2id hash (same parameters as real accounts), and the login mutation.
import pg from 'pg';

export const LOGIN_MUTATION = 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { status } }';

/** The body of one sign-in request. */
export function loginBody(login, password) {
  return JSON.stringify({ query: LOGIN_MUTATION, variables: { l: login, p: password } });
}

export async function seedLoginAccounts(databaseUrl, hash, prefix, count) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `WITH u AS (
         INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash, activated_at, source)
         SELECT 'STUDENT', 'Bench', 'User' || g, 'bench', 'user' || g, $3::text || g, $1, now(), 'MANUAL' FROM generate_series(1, $2) g
         RETURNING id, login)
       INSERT INTO account_name (name, user_id, kind) SELECT login, id, 'LOGIN' FROM u`,
      [hash, count, prefix],
    );
  } finally {
    await client.end();
  }
}
