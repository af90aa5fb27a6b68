/**
 * A TCP gate in front of a real server: while open it passes every connection through; closed, its port
 * refuses connections and the ones in flight are cut, as when the server behind it stops. The tests use
 * it to take OpenSearch away from the app and give it back within seconds (a real restart takes 20 s).
 */
import net from 'node:net';
import { once } from 'node:events';

export interface TcpGate {
  /** `http://127.0.0.1:<port>`: the address to give the app instead of the server's. */
  url: string;
  close(): Promise<void>;
  open(): Promise<void>;
}

export async function startTcpGate(target: URL): Promise<TcpGate> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  };
  await open();
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    open,
  };
}
