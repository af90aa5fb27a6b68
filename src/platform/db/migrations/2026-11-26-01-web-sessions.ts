import type { Migration } from '../migrate.js';

/** Server-side page sessions (connect-pg-simple's table), so any app instance can serve any user. */
export const createWebSessions: Migration = {
  name: '2026-11-26-01-web-sessions',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE web_sessions (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      );
      CREATE INDEX web_sessions_expire_idx ON web_sessions (expire);
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE web_sessions');
  },
};
