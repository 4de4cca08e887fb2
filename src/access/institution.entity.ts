import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A financial institution (bank, guarantor, insurer) whose principals query profiles and record financing. */
@Entity({ name: 'institution' })
export class InstitutionEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  /** Short stable identifier, e.g. `qilu-bank`. */
  @Index('uq_institution_code', { unique: true })
  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  code!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
