import pg from 'pg';

/** A plain connection, for scripts, seeds and tests that probe beneath the ORM. */
export type SqlClient = pg.Client;

/** Opens one connection to `url`, runs `work`, and always closes it. */
export async function withConnection<T>(url: string, work: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
