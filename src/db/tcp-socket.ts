import net from "node:net";

/** The parts of postgres.js's parsed options that say where to connect. */
interface Endpoint {
  host: string[];
  port: number[];
  /** A Unix-domain socket's path, when the host is a directory. */
  path?: string | false;
}

/** Connections opened so far for each client's options: the next one tries the next host, as postgres.js does. */
const attempts = new WeakMap<Endpoint, number>();

/**
 * postgres.js's `socket` option: a connection to the server with Nagle's algorithm off (TCP_NODELAY),
 * as libpq opens its own. postgres.js 3.4.9 leaves it on, so a small message written while earlier
 * bytes were not yet acknowledged — the CopyDone after a COPY's data, a statement sent behind another
 * — waited for the server's delayed ACK, 40 ms on Linux: a bulk load's COPY of 400 rows took 50–90 ms
 * instead of 6–25. The socket is returned while it connects: postgres.js writes its startup message at
 * once, which Node holds until the connection is made, and its connect timeout runs from here.
 */
export function socketWithoutDelay(options: Endpoint): net.Socket {
  if (options.path) return net.connect({ path: options.path });
  const made = attempts.get(options) ?? 0;
  attempts.set(options, made + 1);
  const index = made % options.host.length;
  const host = options.host[index]!;
  const port = options.port[index] ?? options.port[0]!;
  const socket = net.connect({ host, port });
  socket.setNoDelay(true);
  // Read by postgres.js for a TLS server name and for its connection errors.
  return Object.assign(socket, { host, port });
}
