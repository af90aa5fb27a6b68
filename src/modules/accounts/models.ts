import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar', 'sw'] as const;
export const CONTACT_CHANNELS = ['email', 'sms', 'none'] as const;
export type Language = (typeof LANGUAGES)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export class UserPreferences extends Model<InferAttributes<UserPreferences>, InferCreationAttributes<UserPreferences>> {
  declare subject: string;
  declare language: Language;
  declare contactChannel: ContactChannel;
  declare updatedAt: Date;
}

export function defineAccountModels(sequelize: Sequelize): { UserPreferences: typeof UserPreferences } {
  UserPreferences.init(
    {
      subject: { type: DataTypes.STRING(255), primaryKey: true },
      language: { type: DataTypes.STRING(8), allowNull: false },
      contactChannel: { type: DataTypes.STRING(16), allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'user_preferences', timestamps: true, createdAt: false },
  );
  return { UserPreferences };
}
