import type { RowDataPacket } from 'mysql2';
import { createConnection, type Connection } from 'mysql2/promise';
import type { DatabaseEndpoint } from './service-urls';

/** Debian's packaged server listens here; root gets in by unix_socket authentication. */
export const DEBIAN_MARIADB_SOCKET = '/run/mysqld/mysqld.sock';

/**
 * Lets the URL's user log in over TCP from loopback (as `localhost`, `127.0.0.1` and `::1`, since
 * whether the server resolves 127.0.0.1 to `localhost` depends on its name-resolution setting), with
 * the URL's password and all privileges: the hub creates its database and runs migrations.
 *
 * Connects through `socketPath` as root (empty password, then the URL's password; as the OS root,
 * unix_socket authentication lets us in too). Returns false, touching nothing, when the server on
 * that socket is not the one listening on the URL's port.
 */
export async function grantLoopbackAccessThroughSocket(socketPath: string, endpoint: DatabaseEndpoint): Promise<boolean> {
  const admin = await connectAsRoot(socketPath, endpoint.password);
  try {
    const [rows] = await admin.query<Array<{ port: number } & RowDataPacket>>('SELECT @@port AS port');
    if (Number(rows[0]?.port) !== endpoint.port) return false;
    for (const host of ['localhost', '127.0.0.1', '::1']) {
      if (endpoint.user === 'root' && host === 'localhost') {
        // Keep unix_socket as an alternative so that the OS root keeps Debian's usual way in.
        await admin.query("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(?) OR unix_socket", [endpoint.password]);
        continue;
      }
      await admin.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [endpoint.user, host, endpoint.password]);
      await admin.query('ALTER USER ?@? IDENTIFIED BY ?', [endpoint.user, host, endpoint.password]);
      await admin.query('GRANT ALL PRIVILEGES ON *.* TO ?@? WITH GRANT OPTION', [endpoint.user, host]);
    }
    return true;
  } finally {
    await admin.end().catch(() => admin.destroy());
  }
}

async function connectAsRoot(socketPath: string, urlPassword: string): Promise<Connection> {
  let lastError: unknown;
  for (const password of [...new Set(['', urlPassword])]) {
    try {
      return await createConnection({ socketPath, user: 'root', password, connectTimeout: 5_000 });
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`cannot log in as root through ${socketPath}: ${(lastError as Error).message}`);
}
