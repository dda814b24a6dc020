import pg from 'pg';
import { withCredentials } from './database-url.js';

/** The two roles of a subgraph: the owner migrates and bulk-loads, the app role serves requests under RLS. */
export interface SubgraphRoles {
  schema: string;
  ownerRole: string;
  appRole: string;
  ownerUrl: string;
  appUrl: string;
}

export function subgraphRoles(adminUrl: string, name: string, password: string): SubgraphRoles {
  const ownerRole = `${name}_owner`;
  const appRole = `${name}_app`;
  return {
    schema: name,
    ownerRole,
    appRole,
    ownerUrl: withCredentials(adminUrl, ownerRole, password),
    appUrl: withCredentials(adminUrl, appRole, password),
  };
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
};

/**
 * Creates the subgraph's schema and roles (idempotent). The app role may use only its own schema:
 * no other subgraph's tables, no ownership (so RLS applies to it), no BYPASSRLS.
 */
export async function provisionSubgraph(adminUrl: string, name: string, password: string): Promise<SubgraphRoles> {
  const roles = subgraphRoles(adminUrl, name, password);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ ready: boolean }>(
      `select exists(select from pg_namespace where nspname = $1)
          and exists(select from pg_roles where rolname = $2)
          and exists(select from pg_roles where rolname = $3)
          and has_database_privilege($3, current_database(), 'CONNECT') as ready`,
      [roles.schema, roles.ownerRole, roles.appRole],
    );
    if (rows[0]?.ready) return roles;

    const [owner, app, schema] = [ident(roles.ownerRole), ident(roles.appRole), ident(roles.schema)];
    const quotedPassword = client.escapeLiteral(password);
    await client.query('begin');
    // Serialise concurrent provisioning of the same cluster (parallel services or test files).
    await client.query('select pg_advisory_xact_lock(hashtext($1))', ['xgz-provision']);
    for (const role of [owner, app]) {
      await client.query(
        `do $$ begin
           if not exists (select from pg_roles where rolname = ${client.escapeLiteral(role.slice(1, -1))}) then
             create role ${role} login password ${quotedPassword} nosuperuser nocreatedb nocreaterole nobypassrls;
           end if;
         end $$`,
      );
    }
    await client.query(`create schema if not exists ${schema} authorization ${owner}`);
    await client.query(
      `do $$ begin execute format('grant connect on database %I to ${owner}, ${app}', current_database()); end $$`,
    );
    await client.query(`grant usage on schema ${schema} to ${app}`);
    await client.query(
      `alter default privileges for role ${owner} in schema ${schema} grant select, insert, update, delete on tables to ${app}`,
    );
    await client.query(
      `alter default privileges for role ${owner} in schema ${schema} grant usage, select on sequences to ${app}`,
    );
    await client.query(`alter role ${owner} set search_path = ${schema}`);
    await client.query(`alter role ${app} set search_path = ${schema}`);
    await client.query('commit');
    return roles;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
