/**
 * Imported first by main.ts, before graphql-js and express are loaded: they read NODE_ENV once, at
 * load. Outside production graphql-js doubles every `instanceof` of its type checks with a slower
 * check made to report two copies of graphql in one program (a sixth of the server's JavaScript in
 * bench/search), and express prints stack traces. The tests load the modules without it, so they
 * keep the development checks.
 */
process.env.NODE_ENV ??= 'production';
