/**
 * A list of refusal messages that stops growing: bad input with 100,000 problems gets the first few named
 * and a count of the rest, in bounded time and memory, instead of one line per problem.
 */

/** Messages a refusal lists at most, the "... and N more" line included. */
export const MAX_MESSAGES = 20;

/** Collects messages up to `max`; past that it only counts (a message given as a function is never built). */
export class MessageList {
  private readonly items: string[] = [];
  private dropped = 0;

  constructor(private readonly max: number = MAX_MESSAGES) {}

  /** Adds one message (build it lazily with a function when it is costly). */
  add(message: string | (() => string)): void {
    if (this.items.length < this.max) this.items.push(typeof message === 'function' ? message() : message);
    else this.dropped++;
  }

  /** How many messages were added, kept or not. */
  get count(): number {
    return this.items.length + this.dropped;
  }

  /** At most `max` lines: the first ones, then "... and N more" when some did not fit. */
  lines(): string[] {
    if (this.dropped === 0) return [...this.items];
    const kept = this.items.slice(0, this.max - 1);
    return [...kept, `... and ${this.count - kept.length} more`];
  }
}

/** `messages` cut to at most `max` lines the same way (for lists that are already built). */
export function capMessages(messages: readonly string[], max: number = MAX_MESSAGES): string[] {
  const list = new MessageList(max);
  for (const m of messages) list.add(m);
  return list.lines();
}
