/** The server's clock: `() => new Date()` in production, a fixed or stepping one in tests. */
export type Clock = () => Date;
