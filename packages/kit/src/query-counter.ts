/**
 * Counts SQL statements sent by every ORM in this process. Tests read it around a request to
 * prove a list costs a constant number of statements (no query per row).
 */
let statements = 0;

export const countStatement = (sql: string) => {
  statements++;
  return sql;
};

export const statementCount = () => statements;
