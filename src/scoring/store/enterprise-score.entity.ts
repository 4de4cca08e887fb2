import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns a stored score has, current or historical (see `score-store.ts`). JSON columns hold
 * the scorecard engine's own shapes: `DimensionScore[]`, `ScoreReason[]`, `MissingCharacteristic[]`.
 */
abstract class ScoreColumns {
  @Column({ name: 'model_version', type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  modelVersion!: string;

  /** The as-of date of the profile the score was computed from. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  /** SCORED or INSUFFICIENT_DATA. */
  @Column({ type: 'varchar', length: 20, charset: 'ascii', collation: 'ascii_bin' })
  status!: string;

  @Column({ type: 'smallint', unsigned: true, nullable: true })
  score!: number | null;

  @Column({ type: 'varchar', length: 3, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  grade!: string | null;

  @Column({ name: 'probability_of_default', type: 'double', nullable: true })
  probabilityOfDefault!: number | null;

  @Column({ name: 'log_odds', type: 'double', nullable: true })
  logOdds!: number | null;

  /** Characteristics with data. */
  @Column({ type: 'smallint', unsigned: true })
  present!: number;

  @Column({ name: 'sub_scores', type: 'longtext' })
  subScores!: string;

  @Column({ type: 'longtext' })
  reasons!: string;

  @Column({ type: 'longtext' })
  missing!: string;

  @Column({ name: 'input_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  inputHash!: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;
}

/** The current score of each enterprise with a profile (one row per USCC). */
@Entity({ name: 'enterprise_score' })
@Index('ix_enterprise_score_grade', ['grade'])
export class EnterpriseScoreEntity extends ScoreColumns {
  @PrimaryColumn({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;
}

/** Every score an enterprise has had: a row per change of model version or inputs, never updated. */
@Entity({ name: 'enterprise_score_history' })
@Index('ix_enterprise_score_history_enterprise', ['uscc', 'id'])
export class EnterpriseScoreHistoryEntity extends ScoreColumns {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;
}
