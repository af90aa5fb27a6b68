import type { Migration } from '../../platform/db/migrate.js';

export const createUserPreferences: Migration = {
  name: '2026-11-26-02-user-preferences',
  async up({ context: { sequelize } }) {
    await sequelize.query(`
      CREATE TABLE user_preferences (
        subject varchar(255) PRIMARY KEY,
        language varchar(8) NOT NULL,
        contact_channel varchar(16) NOT NULL,
        updated_at timestamptz NOT NULL
      );
    `);
  },
  async down({ context: { sequelize } }) {
    await sequelize.query('DROP TABLE user_preferences');
  },
};
