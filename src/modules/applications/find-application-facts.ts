/**
 * What the notifications need to know of a submitted application, read without recording an access: the
 * service telling a person of their own case is no one reading it.
 */
import type { Sequelize } from 'sequelize';
import { selectOne } from '../../platform/db/sql.js';
import type { ApplicationRow, ApplicationStatus, StageSnapshot } from './models.js';

export interface ApplicationFacts {
  id: string;
  reference: string;
  programId: string;
  programName: string;
  applicantSubject: string;
  registrantId: string | null;
  status: ApplicationStatus;
  currentStage: number | null;
  stages: StageSnapshot[];
  /** The applicant's own first name and contact as submitted (the registry may hold newer ones). */
  givenName: string | undefined;
  email: string | undefined;
  phone: string | undefined;
}

export async function findApplicationFacts(sequelize: Sequelize, applicationId: string): Promise<ApplicationFacts | undefined> {
  const row = await selectOne<ApplicationRow>(
    sequelize,
    "SELECT * FROM applications WHERE id = :applicationId AND status <> 'DRAFT' AND snapshot IS NOT NULL",
    { applicationId },
  );
  if (!row?.snapshot) return undefined;
  const applicant = row.snapshot.applicant;
  return {
    id: row.id,
    reference: row.reference,
    programId: row.program_id,
    programName: row.snapshot.programName,
    applicantSubject: row.applicant_subject,
    registrantId: row.registrant_id,
    status: row.status as ApplicationStatus,
    currentStage: row.current_stage,
    stages: row.stages ?? [],
    givenName: applicant.givenName || undefined,
    email: applicant.email || undefined,
    phone: applicant.phone || undefined,
  };
}
