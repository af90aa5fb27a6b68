import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { DocumentMediaType } from './content-type.js';

export const DOCUMENT_KINDS = ['medical-report', 'prescription', 'id-proof', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export class DocumentRecord extends Model<InferAttributes<DocumentRecord>, InferCreationAttributes<DocumentRecord>> {
  declare id: string;
  declare sha256: string;
  declare sizeBytes: number;
  declare mediaType: DocumentMediaType;
  declare fileName: string;
  declare kind: DocumentKind;
  /** The uploader's token `sub`. */
  declare ownerSubject: string;
  declare ownerUsername: string;
  declare createdAt: Date;
}

export function defineDocumentModels(sequelize: Sequelize): { DocumentRecord: typeof DocumentRecord } {
  DocumentRecord.init(
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      sha256: { type: DataTypes.CHAR(64), allowNull: false },
      // bigint comes back from pg as a string; documents are capped far below 2^53.
      sizeBytes: {
        type: DataTypes.BIGINT,
        allowNull: false,
        get(this: DocumentRecord) {
          return Number(this.getDataValue('sizeBytes'));
        },
      },
      mediaType: { type: DataTypes.STRING(100), allowNull: false },
      fileName: { type: DataTypes.STRING(255), allowNull: false },
      kind: { type: DataTypes.STRING(32), allowNull: false },
      ownerSubject: { type: DataTypes.STRING(255), allowNull: false },
      ownerUsername: { type: DataTypes.STRING(255), allowNull: false },
      // Set by the service from its clock, not by Sequelize.
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { sequelize, tableName: 'documents', timestamps: false },
  );
  return { DocumentRecord };
}
