/**
 * The one reader of the process environment. Entry points call processEnv() once, parse it with the
 * schemas of this folder and pass the typed result down; nothing else reads process.env (NODE_ENV aside,
 * which Next inlines), so every setting has one parser, one default and one error message.
 */

/** Environment variables as read (a plain record, so tests can pass exactly what they set). */
export type Env = Readonly<Record<string, string | undefined>>;

/** The environment this process was started with: parsed by entry points, or handed on whole to a child. */
export function processEnv(): Env {
  return process.env;
}
